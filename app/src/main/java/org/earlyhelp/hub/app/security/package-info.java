/**
 * Who is calling and what they may do: Spring Security's filter chain, per-organisation bearer credentials (stored
 * hashed, revocable on every instance within a minute), JWTs from the council's identity provider, the endpoint rules
 * by credential kind, body size limits and per-credential rate limits, all decided before a request body is read.
 */
package org.earlyhelp.hub.app.security;
