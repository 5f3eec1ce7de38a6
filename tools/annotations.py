#!/usr/bin/env python3
"""Writes the Web Annotations of a source graph from a list of (slug, bodies, exact passage).

Usage (from the project folder): tools/annotations.py. Rewrites the annotation section at the end of
data/sources/coalition-summit-2026-01-07.ttl (everything from the MARKER line on); the facts above it are kept. Offsets are Unicode code points into the .txt, end exclusive;
prefix and suffix are up to 32 code points around the passage. AnnotationTest checks the result against the file.
"""
import sys

SLUG = "coalition-summit-2026-01-07"
TEXT = open(f"data/sources/{SLUG}.txt", encoding="utf-8").read()
ID = "https://w3id.org/pledgegraph/id/"
CONTEXT = 32

def iri(short):
    kind, local = short.split(":", 1)
    if kind == "participation":
        return f"<{ID}role/{local}-at-paris-summit>"
    return f"<{ID}{kind}/{local}>"

def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

def tenure(person, post, org, role, participation=True):
    b = [f"person:{person}", f"tenure:{person}-{post}", f"post:{post}", org, f"role:{role}"]
    if participation:
        b.append(f"participation:{person}")
    return b

SPEC = [
    ("article-dateline", ["source:" + SLUG, "city:brussels"], "BRUSSELS, January 7, 2026"),
    ("lead-security-guarantees",
     ["commitment:security-guarantees", "condition:security-guarantees-ceasefire", "event:russia-ukraine-ceasefire",
      "summit:coalition-of-the-willing-paris-2026-01-06", "city:paris", "organization:coalition-of-the-willing",
      "state:ukraine", "state:russia",
      "tenure:france-coalition-of-the-willing", "tenure:united-kingdom-coalition-of-the-willing",
      "tenure:germany-coalition-of-the-willing", "tenure:italy-coalition-of-the-willing",
      "tenure:poland-coalition-of-the-willing"],
     'European leaders attending the "Coalition of the Willing" summit in Paris have committed to providing '
     '"politically and legally binding" security guarantees for Ukraine, to be activated upon a ceasefire with Russia'),
    ("antonio-costa-announced",
     tenure("antonio-costa", "president-of-the-european-council", "organization:european-council", "president", False)
     + ["statement:antonio-costa-x-post-2026-01-06"],
     "European Council President António Costa announced on Tuesday"),
    ("antonio-costa-x-post", ["statement:antonio-costa-x-post-2026-01-06", "platform:x"],
     'In a post on the social media platform X following the high-level meeting, Costa described the gathering as '
     '"productive and important" for advancing coordinated support to Ukraine.'),
    ("antonio-costa-quote",
     ["statement:antonio-costa-x-post-2026-01-06", "commitment:security-guarantees",
      "condition:security-guarantees-ceasefire"],
     '"We stand ready to commit to a system of politically and legally binding guarantees that will be activated once '
     'a ceasefire enters into force," Costa wrote.'),
    ("antonio-costa-eu-contribution",
     ["statement:antonio-costa-eu-contribution", "organization:european-union", "commitment:eu-accession-support",
      "commitment:eu-loan-90bn", "amount:eu-loan-90bn", "commitment:eu-loan-90bn#period",
      "commitment:eu-civilian-military-missions"],
     "He added that the European Union would contribute significantly, including continued support for Ukraine's EU "
     "accession path, financial assistance through a €90 billion loan agreed in December 2025 to cover needs for "
     "2026-2027, and on-the-ground civilian and military missions."),
    ("ursula-von-der-leyen-echoed",
     tenure("ursula-von-der-leyen", "president-of-the-european-commission", "organization:european-commission",
            "president", False)
     + ["statement:ursula-von-der-leyen-x-post-2026-01-06"],
     "EU Commission President Ursula von der Leyen echoed the sentiment, highlighting the summit's display of "
     "transatlantic unity."),
    ("ursula-von-der-leyen-x-post",
     ["statement:ursula-von-der-leyen-x-post-2026-01-06", "participation:ursula-von-der-leyen",
      "person:ursula-von-der-leyen", "summit:coalition-of-the-willing-paris-2026-01-06", "platform:x"],
     '"A strong display of unity for Ukraine today in Paris at the Coalition of the Willing leaders meeting from EU '
     'Member States, NATO allies and friends of Ukraine. Our joint statement sends a clear message. We collectively '
     'stand by Ukraine and a safe, secure prosperous future lies ahead," she posted on X.'),
    ("summit-host",
     ["summit:coalition-of-the-willing-paris-2026-01-06", "venue:elysee-palace"]
     + tenure("emmanuel-macron", "president-of-france", "state:france", "president"),
     "The summit, hosted by French President Emmanuel Macron at the Élysée Palace on January 6"),
    ("summit-participating-countries",
     ["summit:coalition-of-the-willing-paris-2026-01-06", "amount:coalition-summit-participating-countries"],
     "brought together leaders and representatives from over 35 countries"),
    ("participant-volodymyr-zelenskyy",
     tenure("volodymyr-zelenskyy", "president-of-ukraine", "state:ukraine", "president"),
     "Ukrainian President Volodymyr Zelenskyy"),
    ("participant-keir-starmer",
     tenure("keir-starmer", "prime-minister-of-the-united-kingdom", "state:united-kingdom", "prime-minister"),
     "British Prime Minister Keir Starmer"),
    ("participant-friedrich-merz",
     tenure("friedrich-merz", "chancellor-of-germany", "state:germany", "chancellor"),
     "German Chancellor Friedrich Merz"),
    ("participant-giorgia-meloni",
     tenure("giorgia-meloni", "prime-minister-of-italy", "state:italy", "prime-minister"),
     "Italian Prime Minister Giorgia Meloni"),
    ("participant-donald-tusk",
     tenure("donald-tusk", "prime-minister-of-poland", "state:poland", "prime-minister"),
     "Polish Prime Minister Donald Tusk"),
    ("participant-mark-rutte",
     tenure("mark-rutte", "secretary-general-of-nato", "organization:nato", "secretary-general"),
     "NATO Secretary General Mark Rutte"),
    ("participant-us-special-envoys",
     tenure("steve-witkoff", "us-special-envoy", "state:united-states", "special-envoy")
     + tenure("jared-kushner", "us-special-envoy", "state:united-states", "special-envoy"),
     "U.S. special envoys Steve Witkoff and Jared Kushner"),
    ("summit-aim",
     ["summit:coalition-of-the-willing-paris-2026-01-06", "event:us-led-peace-efforts", "event:russo-ukrainian-war",
      "state:russia"],
     "The gathering aimed to concretize security guarantees amid ongoing U.S.-led diplomatic efforts to negotiate an "
     "end to Russia's nearly four-year war in Ukraine."),
    ("joint-declaration", ["document:joint-declaration-paris-2026-01-06"],
     "The joint declaration outlined a multi-layered framework"),
    ("ceasefire-monitoring-mechanism",
     ["commitment:ceasefire-monitoring-mechanism", "condition:ceasefire-monitoring-mechanism-ceasefire"],
     "a U.S.-led ceasefire monitoring and verification mechanism"),
    ("long-term-military-assistance", ["commitment:long-term-military-assistance"],
     'long-term military assistance to Ukraine\'s armed forces, described as the "first line of defense"'),
    ("multinational-reassurance-force",
     ["commitment:multinational-reassurance-force", "commitment:us-support-reassurance-force"],
     "a European-led multinational reassurance force for deterrence and rebuilding, with potential U.S. support"),
    ("response-to-future-aggression", ["commitment:response-to-future-aggression"],
     "binding commitments to respond to any future Russian aggression, potentially involving military, intelligence, "
     "logistical, diplomatic, and sanctions measures"),
    ("emmanuel-macron-coordination-unit",
     ["statement:emmanuel-macron-operational-convergence", "commitment:coordination-unit"],
     "Macron emphasized operational convergence, including a coordination unit integrating coalition forces, "
     "Ukraine, and the U.S."),
    ("emmanuel-macron-turkiye",
     ["statement:emmanuel-macron-operational-convergence", "commitment:turkiye-maritime-security", "state:turkiye"],
     "He praised contributions from various nations, noting Türkiye's role in maritime security."),
    ("keir-starmer-hubs",
     ["statement:keir-starmer-hubs", "commitment:uk-france-military-hubs", "condition:uk-france-military-hubs-ceasefire"],
     "Starmer detailed UK-France plans for post-ceasefire military hubs and protected facilities in Ukraine to "
     "support defensive needs."),
    ("friedrich-merz-deployments",
     ["statement:friedrich-merz-germany-commitment", "commitment:germany-multifaceted-commitment",
      "commitment:germany-possible-deployments"],
     "Merz affirmed Germany's multifaceted commitment, including possible deployments to neighboring NATO territory."),
    ("eu-loan-military", ["commitment:eu-loan-90bn", "assessment:eu-loan-underscores-financial-backing"],
     "The €90 billion EU loan, part of which will bolster Ukraine's military, underscores financial backing."),
    ("eu-accession-guarantee", ["assessment:eu-accession-long-term-guarantee"],
     "Ukraine's EU accession is viewed as an additional long-term guarantee, enhancing prosperity and security "
     "integration."),
    ("us-participation",
     ["assessment:us-participation-signals-alignment", "commitment:us-support-reassurance-force",
      "event:us-led-peace-efforts"],
     "U.S. participation signaled alignment with the Trump administration's peace initiatives, though details on "
     "American contributions remain evolving."),
    ("steve-witkoff-frameworks", ["statement:steve-witkoff-frameworks"], "Witkoff described progress on frameworks"),
    ("jared-kushner-trump-support",
     ["statement:jared-kushner-trump-support"]
     + tenure("donald-trump", "president-of-the-united-states", "state:united-states", "president", False),
     "Kushner conveyed President Trump's support."),
    ("volodymyr-zelenskyy-outcomes",
     ["statement:volodymyr-zelenskyy-outcomes", "stance:zelenskyy-welcomes-outcomes"],
     "Zelenskyy welcomed the outcomes, stressing robust deterrents to prevent renewed aggression."),
    ("analysts",
     ["assessment:pledges-strengthen-negotiating-position", "assessment:implementation-hinges-on-ceasefire",
      "event:russia-ukraine-ceasefire", "event:russo-ukrainian-war"],
     "Analysts note the pledges strengthen Ukraine's negotiating position, though implementation hinges on a "
     "credible ceasefire—currently elusive amid continued fighting."),
    ("russia-stances",
     ["stance:russia-no-response-to-declaration", "stance:russia-rejects-foreign-troops", "state:russia"],
     "Russia has not publicly responded to the declaration but previously rejected foreign troop presence on "
     "Ukrainian soil."),
    ("summit-reflects", ["assessment:summit-reflects-europe-proactive-stance"],
     "The summit reflects Europe's proactive stance in shaping post-conflict architecture, balancing deterrence with "
     "diplomacy in a volatile geopolitical landscape."),
    ("significant-step", ["assessment:significant-step-toward-formalizing"],
     "This development marks a significant step toward formalizing transatlantic commitments, potentially paving the "
     "way for broader negotiations involving Moscow."),
    ("framework-influence", ["assessment:framework-could-influence-conflict", "organization:coalition-of-the-willing"],
     "the coalition's framework could influence the trajectory of Europe's largest conflict since World War II"),
]

import io
MARKER = "# ---------------------------------------------------------------- provenance: one Web Annotation per passage\n"
ttl_path = f"data/sources/{SLUG}.ttl"
facts = open(ttl_path, encoding="utf-8").read()
if MARKER in facts:
    facts = facts[:facts.index(MARKER)]
out = io.StringIO()
out.write(MARKER)
out.write("# Written by tools/annotations.py: code point offsets into data/sources/%s.txt, end exclusive.\n\n" % SLUG)
for slug, bodies, exact in SPEC:
    if TEXT.count(exact) != 1:
        sys.exit(f"{slug}: passage occurs {TEXT.count(exact)} times")
    start = TEXT.index(exact)  # Python str indexes are code points
    end = start + len(exact)
    prefix = TEXT[max(0, start - CONTEXT):start]
    suffix = TEXT[end:end + CONTEXT]
    a = f"<{ID}annotation/{slug}>"
    t = f"<{ID}annotation/{slug}-target>"
    q = f"<{ID}selector/{slug}-quote>"
    p = f"<{ID}selector/{slug}-position>"
    out.write(f"{a} a oa:Annotation ;\n    oa:hasBody {' , '.join(iri(b) for b in bodies)} ;\n    oa:hasTarget {t} .\n")
    out.write(f"{t} a oa:SpecificResource ;\n    oa:hasSource <{ID}source/{SLUG}> ;\n    oa:hasSelector {q} , {p} .\n")
    out.write(f"{q} a oa:TextQuoteSelector ;\n    oa:exact {lit(exact)} ;\n")
    if prefix:
        out.write(f"    oa:prefix {lit(prefix)} ;\n")
    out.write(f"    oa:suffix {lit(suffix)} .\n")
    out.write(f"{p} a oa:TextPositionSelector ;\n    oa:start \"{start}\"^^xsd:nonNegativeInteger ;\n"
              f"    oa:end \"{end}\"^^xsd:nonNegativeInteger .\n\n")

with open(ttl_path, "w", encoding="utf-8") as f:
    f.write(facts.rstrip("\n") + "\n\n" + out.getvalue().rstrip("\n") + "\n")
