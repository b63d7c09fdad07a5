package org.vascalc.cli.web;

/** What a page or API handler answers at once: an HTTP status and a body (HTML or JSON by route). */
record Response(int status, String body) implements Answer {
}
