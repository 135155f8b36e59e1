-- Issue 10, point 7: each link records the model (a digest of the match settings) and the thresholds it was made
-- under, so links of an earlier model can be found and relinked. Null for links made before this migration and for
-- matchers that are not the standard one.
alter table person_link add column model_version text;
alter table person_link add column link_threshold double precision;
alter table person_link add column review_threshold double precision;
