/** Fellegi-Sunter scoring of record pairs: comparison vectors, m/u weights, explanations and their EM estimation. */
package org.earlyhelp.hub.matching.model;
