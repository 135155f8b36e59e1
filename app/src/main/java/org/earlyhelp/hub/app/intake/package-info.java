/**
 * How the hub takes requests in and answers the ones it refuses: every JSON body through the one strict reader, every
 * refusal in one error shape ({@code {"errors":[{"field":..,"reason":..}]}}) that never quotes what was sent.
 */
package org.earlyhelp.hub.app.intake;
