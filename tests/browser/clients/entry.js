// The third-party clients the export tests run (tests/browser/test_clients.py), bundled by
// esbuild from node_modules at test time into one script that sets window.editionClients.
// Only the clients' own public functions are exported; the tests call them as a scholar would.
import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { makeRefinable } from "@apache-annotator/selector";
import * as textQuote from "dom-anchor-text-quote";
import { createTextAnnotator, reviveTarget, W3CTextFormat } from "@recogito/text-annotator";
import CETEI from "CETEIcean";

window.editionClients = {
  createTextQuoteSelectorMatcher, makeRefinable, textQuote,
  createTextAnnotator, reviveTarget, W3CTextFormat, CETEI,
};
