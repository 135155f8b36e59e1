/** Reading partner CSV files into person records for the batch linker, and writing its clusters. */
package org.earlyhelp.hub.matching.link;
