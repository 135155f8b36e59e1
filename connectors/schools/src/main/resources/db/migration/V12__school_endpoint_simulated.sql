-- Which directory entries the simulator made (embedded run or demonstration profile only). The simulator re-points
-- only these, to its listener of the day; an entry the board set is never touched, and a board registration of a URN
-- the simulator had made takes it over for good.
alter table school_endpoint add column simulated boolean not null default false;
