package org.vascalc.cli.web;

import org.vascalc.cli.BuildInfo;

/** The home and about pages: what VasCalc is and what each tool answers. */
final class HomePage {

    private HomePage() {
    }

    static String html() {
        return Html.page("Vascular calcification, simulated and explained",
                "<p>Calcium deposits in artery walls come in two kinds. <b>Intimal</b> calcification sits inside "
                        + "atherosclerotic plaque and bears on heart attacks; <b>medial</b> calcification forms in the "
                        + "muscular middle layer when smooth-muscle cells turn bone-like under mineral imbalance, and "
                        + "stiffens arteries. A CT calcium score sees both alike. VasCalc simulates both, each by its own "
                        + "mechanism, and what a scan would show.</p>\n"
                        + "<div class=\"cards\">"
                        + "<div class=\"card\"><h2><a href=\"/compare\">Food, supplement, K2</a></h2><p>The same person "
                        + "with calcium from food, with a calcium supplement, and with a supplement plus vitamin K2 "
                        + "(MK-7), over years: serum calcium after each tablet, the CT score and the two layers it "
                        + "cannot tell apart, arterial stiffness, blood pressure, the heart and event risk.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/risk\">Risk and calcium score</a></h2><p>Published "
                        + "ten-year risk equations with and without the coronary calcium score (MESA, PCE, PREVENT), the "
                        + "calcium-score percentile and category, and the reading of serial scans.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/scenario\">Run a scenario</a></h2><p>Any scenario file "
                        + "(a person, conditions, diet, supplements and drugs with schedules), pasted or picked from the "
                        + "examples, run as the command line runs it, with charts and downloads.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/cohort\">Cohort and trial</a></h2><p>Virtual people "
                        + "drawn from a population (community, kidney disease), the same members with and without "
                        + "calcium tablets, MK-7 or a statin: what each arm did to the CT score and to plaque and "
                        + "medial calcium, which no scan can separate.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/trials\">Published trials</a></h2><p>The "
                        + "published trials of calcium, vitamin K, vitamin D, statins, phosphate binders and anticoagulants re-run by "
                        + "the model on virtual members: per outcome the published effect and interval beside the "
                        + "model's, and how each trial was mapped onto the model.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/ct\">CT calcium score</a></h2><p>A synthetic cardiac "
                        + "CT with known intimal and medial calcium, or a real DICOM series, scored by the clinical rules: "
                        + "Agatston, volume and mass, per artery and per lesion.</p></div>"
                        + "<div class=\"card\"><h2><a href=\"/about\">About the model</a></h2><p>What is simulated, "
                        + "where its numbers come from, and how it is checked against published studies.</p></div>"
                        // review9: the documents were reachable only through /about's last paragraph
                        + "<div class=\"card\"><h2><a href=\"/docs\">Documentation</a></h2><p>The project's documents, "
                        + "read here: the model's equations and parameters, the validation against published numbers, "
                        + "the stories, the trials, and the scenario and trial file formats.</p></div>"
                        + "</div>\n");
    }

    static String about() {
        return Html.page("About the model", DocsFiles.linked(
                "<p>VasCalc couples a mineral-metabolism model (calcium, phosphate, PTH, calcitriol, FGF23, bone and "
                        + "kidney, after Peterson &amp; Riggs 2010), the vitamin K cycle with matrix Gla protein (after "
                        + "Wajima 2009), and a vascular wall with medial and intimal calcification in six arterial beds, "
                        + "arterial stiffness, a Windkessel for blood pressure, the left ventricle and cardiovascular "
                        + "events. Every parameter has a unit, a plausible range and its evidence; the model is "
                        + "calibrated against published targets and checked against others it was never fitted to.</p>\n"
                        + "<p>In the project folder: <code>docs/model/</code> (equations and parameter tables), "
                        + "<code>docs/validation.md</code> (each published target, the model's value and whether it "
                        + "falls inside), <code>docs/stories.md</code> (the scenarios that tell the story) and "
                        + "<code>docs/references.bib</code>. The command line (<code>./vascalc --help</code>) runs "
                        + "the same comparison as a report (<code>flagship</code>), scenario files, CT phantoms and "
                        + "scoring of DICOM folders, the same risk tools, larger cohorts and in-silico trials with CSV "
                        + "and database output, published trials re-run by the model (<code>docs/trials.md</code>; in the browser at "
                        + "<a href=\"/trials\">/trials</a>), "
                        + "and the validation and calibration of the model.</p>\n")
                        + "<p>The whole <a href=\"/docs\">documentation folder</a> can be read here, its Markdown documents formatted (tables, figures, links between them).</p>\n"
                        + "<p class=\"fine\">vascalc " + Html.esc(BuildInfo.version()) + ", commit "
                        + Html.esc(BuildInfo.commit()) + "</p>\n");
    }
}
