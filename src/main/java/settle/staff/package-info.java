/**
 * Staff: the people who sign in, with their roles (what they may do) and groups (whose human tasks they
 * work). Owns sign-in (form login for pages, HTTP Basic for the API) and the demo users of embedded mode.
 */
package settle.staff;
