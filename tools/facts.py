#!/usr/bin/env python3
"""Writes docs/facts.md and src/test/resources/facts/F*.rq from the one list of facts below (run from the project
folder after deleting src/test/resources/facts/*.rq). FactsTableTest checks that the two agree and that every fact holds."""
PFX = """PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX person: <https://w3id.org/pledgegraph/id/person/>
PREFIX state: <https://w3id.org/pledgegraph/id/state/>
PREFIX organization: <https://w3id.org/pledgegraph/id/organization/>
PREFIX city: <https://w3id.org/pledgegraph/id/city/>
PREFIX venue: <https://w3id.org/pledgegraph/id/venue/>
PREFIX platform: <https://w3id.org/pledgegraph/id/platform/>
PREFIX summit: <https://w3id.org/pledgegraph/id/summit/>
PREFIX event: <https://w3id.org/pledgegraph/id/event/>
PREFIX statement: <https://w3id.org/pledgegraph/id/statement/>
PREFIX document: <https://w3id.org/pledgegraph/id/document/>
PREFIX commitment: <https://w3id.org/pledgegraph/id/commitment/>
PREFIX condition: <https://w3id.org/pledgegraph/id/condition/>
PREFIX tenure: <https://w3id.org/pledgegraph/id/tenure/>
PREFIX post: <https://w3id.org/pledgegraph/id/post/>
PREFIX role: <https://w3id.org/pledgegraph/id/role/>
PREFIX stance: <https://w3id.org/pledgegraph/id/stance/>
PREFIX assessment: <https://w3id.org/pledgegraph/id/assessment/>
PREFIX amount: <https://w3id.org/pledgegraph/id/amount/>
PREFIX source: <https://w3id.org/pledgegraph/id/source/>
PREFIX prole: <https://w3id.org/pledgegraph/id/concept/participant-role/>
PREFIX basis: <https://w3id.org/pledgegraph/id/concept/condition-basis/>
PREFIX modality: <https://w3id.org/pledgegraph/id/concept/modality/>
PREFIX bindingness: <https://w3id.org/pledgegraph/id/concept/bindingness/>
PREFIX measure: <https://w3id.org/pledgegraph/id/concept/measure-type/>
PREFIX leadership: <https://w3id.org/pledgegraph/id/concept/leadership/>
PREFIX purpose: <https://w3id.org/pledgegraph/id/concept/purpose/>
PREFIX position: <https://w3id.org/pledgegraph/id/concept/stance-position/>
"""
S = "summit:coalition-of-the-willing-paris-2026-01-06"
G = "<https://w3id.org/pledgegraph/graph/source/coalition-summit-2026-01-07>"
def tenure(person, post, org):
    return f"tenure:{person}-{post} org:member person:{person} ; pg:forPost post:{post} ; pg:heldOn \"2026-01-06\"^^xsd:date . post:{post} org:postIn {org} ."
def part(person, role, rep):
    return f"{S} pg:hasParticipant person:{person} ; pg:hasParticipation ?p . ?p pg:participant person:{person} ; pg:participantRole prole:{role} ; pg:represents {rep} ."
F = [
 ("article-dateline", "The article is datelined Brussels, 7 January 2026; it names no author or publisher.", "BRUSSELS, January 7, 2026",
  "source:coalition-summit-2026-01-07 a pg:NewsArticle ; pg:dateline city:brussels ; pg:publicationDate \"2026-01-07\"^^xsd:date . FILTER NOT EXISTS { source:coalition-summit-2026-01-07 <http://purl.org/dc/terms/creator>|<http://purl.org/dc/terms/publisher>|schema:author|schema:publisher ?x }"),
 ("summit-in-paris", "The Coalition of the Willing summit took place in Paris.", 'the "Coalition of the Willing" summit in Paris',
  f"{S} a pg:Summit ; pg:inCity city:paris . organization:coalition-of-the-willing a pg:Coalition ."),
 ("guarantees-committed", "European leaders attending the summit committed to providing security guarantees for Ukraine.", 'have committed to providing "politically and legally binding" security guarantees for Ukraine',
  "commitment:security-guarantees a pg:SecurityGuaranteeCommitment ; pg:beneficiary state:ukraine ; pg:modality modality:pledged ; pg:committedByText ?t ; pg:madeAt " + S + " ; pg:dateMade \"2026-01-06\"^^xsd:date . FILTER(CONTAINS(?t, \"European leaders\"))"),
 ("guarantees-binding", "The guarantees are both politically and legally binding.", '"politically and legally binding"',
  "commitment:security-guarantees pg:bindingness bindingness:politically-binding , bindingness:legally-binding ."),
 ("guarantees-conditional", "The guarantees are to be activated upon a ceasefire with Russia (a stated condition awaiting the ceasefire's entry into force).", "to be activated upon a ceasefire with Russia",
  "commitment:security-guarantees pg:hasActivationCondition ?c . ?c pg:awaitsEventType pg:EntryIntoForce ; pg:awaitsEvent event:russia-ukraine-ceasefire ; pg:conditionBasis basis:stated . event:russia-ukraine-ceasefire pg:party state:russia , state:ukraine ."),
 ("costa-office", "António Costa is President of the European Council.", "European Council President António Costa",
  tenure("antonio-costa", "president-of-the-european-council", "organization:european-council")),
 ("costa-announced-tuesday", "Costa made the announcement on Tuesday, which (the dateline being Wednesday 7 January 2026) is 6 January 2026.", "announced on Tuesday",
  "statement:antonio-costa-x-post-2026-01-06 pg:speaker person:antonio-costa ; pg:statementDate \"2026-01-06\"^^xsd:date ."),
 ("costa-post-on-x", "Costa posted on the social media platform X following the meeting.", "In a post on the social media platform X following the high-level meeting",
  "statement:antonio-costa-x-post-2026-01-06 a pg:SocialMediaPost ; pg:onPlatform platform:x ."),
 ("costa-productive", "Costa described the gathering as \"productive and important\".", 'Costa described the gathering as "productive and important"',
  "statement:antonio-costa-x-post-2026-01-06 pg:quote \"productive and important\" ; pg:concerns " + S + " ."),
 ("costa-quote", "Costa wrote that they stand ready to commit to a system of politically and legally binding guarantees activated once a ceasefire enters into force.", '"We stand ready to commit to a system of politically and legally binding guarantees that will be activated once a ceasefire enters into force," Costa wrote.',
  "statement:antonio-costa-x-post-2026-01-06 pg:quote \"We stand ready to commit to a system of politically and legally binding guarantees that will be activated once a ceasefire enters into force\" . commitment:security-guarantees pg:statedIn statement:antonio-costa-x-post-2026-01-06 ; pg:hasActivationCondition/pg:conditionText \"will be activated once a ceasefire enters into force\" ."),
 ("eu-contributes-significantly", "Costa added that the European Union would contribute significantly.", "He added that the European Union would contribute significantly",
  "statement:antonio-costa-eu-contribution pg:speaker person:antonio-costa ; pg:reportedContent ?r . FILTER(STRSTARTS(?r, \"the European Union would contribute significantly\"))"),
 ("eu-accession-support", "The EU contributes continued support for Ukraine's EU accession path.", "continued support for Ukraine's EU accession path",
  "commitment:eu-accession-support a pg:AccessionSupportCommitment ; pg:committedBy organization:european-union ; pg:beneficiary state:ukraine ; pg:statedIn statement:antonio-costa-eu-contribution ."),
 ("eu-loan-amount", "The EU provides financial assistance through a €90 billion loan.", "financial assistance through a €90 billion loan",
  "commitment:eu-loan-90bn a pg:LoanCommitment ; pg:committedBy organization:european-union ; pg:beneficiary state:ukraine ; pg:hasAmount ?a . ?a schema:value ?v ; schema:currency \"EUR\" ; pg:amountText \"€90 billion\" . FILTER(?v = 90000000000)"),
 ("eu-loan-agreed", "The loan was agreed in December 2025.", "agreed in December 2025",
  "commitment:eu-loan-90bn pg:dateMade \"2025-12\"^^xsd:gYearMonth ; pg:modality modality:agreed ."),
 ("eu-loan-period", "The loan is to cover needs for 2026-2027.", "to cover needs for 2026-2027",
  "commitment:eu-loan-90bn pg:coversPeriod ?p ; pg:hasPurpose purpose:financial-needs . ?p a <http://www.w3.org/2006/time#ProperInterval> ; pg:startYear \"2026\"^^xsd:gYear ; pg:endYear \"2027\"^^xsd:gYear ."),
 ("eu-missions", "The EU contributes on-the-ground civilian and military missions.", "on-the-ground civilian and military missions",
  "commitment:eu-civilian-military-missions a pg:MissionCommitment ; pg:committedBy organization:european-union ; pg:beneficiary state:ukraine ."),
 ("von-der-leyen-office", "Ursula von der Leyen is President of the European Commission.", "EU Commission President Ursula von der Leyen",
  tenure("ursula-von-der-leyen", "president-of-the-european-commission", "organization:european-commission")),
 ("von-der-leyen-unity", "Von der Leyen echoed the sentiment, highlighting the summit's display of transatlantic unity.", "highlighting the summit's display of transatlantic unity",
  "statement:ursula-von-der-leyen-x-post-2026-01-06 pg:speaker person:ursula-von-der-leyen ; pg:reportedContent \"highlighting the summit's display of transatlantic unity\" ."),
 ("von-der-leyen-post", "Von der Leyen posted on X: a strong display of unity for Ukraine today in Paris; the joint statement sends a clear message.", "she posted on X",
  "statement:ursula-von-der-leyen-x-post-2026-01-06 a pg:SocialMediaPost ; pg:onPlatform platform:x ; pg:statementDate \"2026-01-06\"^^xsd:date ; pg:quote ?q . FILTER(STRSTARTS(?q, \"A strong display of unity for Ukraine today in Paris\") && STRENDS(?q, \"future lies ahead\"))"),
 ("von-der-leyen-took-part", "Von der Leyen's post (\"today in Paris at the ... meeting\", \"Our joint statement\") implies that she took part; the article does not list her.", "today in Paris at the Coalition of the Willing leaders meeting",
  f"{S} pg:hasParticipation ?p . ?p pg:participant person:ursula-von-der-leyen ; pg:basis basis:implied . FILTER NOT EXISTS {{ {S} pg:hasParticipant person:ursula-von-der-leyen }}"),
 ("summit-host", "Emmanuel Macron, President of France, hosted the summit.", "hosted by French President Emmanuel Macron",
  f"{S} pg:hostedBy person:emmanuel-macron . " + part("emmanuel-macron", "host", "state:france") + " " + tenure("emmanuel-macron", "president-of-france", "state:france")),
 ("summit-venue", "The summit was held at the Élysée Palace.", "at the Élysée Palace",
  f"{S} pg:atVenue venue:elysee-palace ."),
 ("summit-date", "The summit was held on 6 January 2026.", "on January 6",
  f"{S} pg:eventDate \"2026-01-06\"^^xsd:date ."),
 ("summit-over-35-countries", "The summit brought together leaders and representatives from over 35 countries (a lower bound, not a count).", "from over 35 countries",
  f"{S} pg:reportedCount ?c . ?c pg:countText \"over 35 countries\" ; pg:countMoreThan ?n . FILTER(?n = 35)"),
 ("participant-zelenskyy", "Ukrainian President Volodymyr Zelenskyy took part.", "Ukrainian President Volodymyr Zelenskyy",
  part("volodymyr-zelenskyy", "participant", "state:ukraine") + " " + tenure("volodymyr-zelenskyy", "president-of-ukraine", "state:ukraine")),
 ("participant-starmer", "British Prime Minister Keir Starmer took part.", "British Prime Minister Keir Starmer",
  part("keir-starmer", "participant", "state:united-kingdom") + " " + tenure("keir-starmer", "prime-minister-of-the-united-kingdom", "state:united-kingdom")),
 ("participant-merz", "German Chancellor Friedrich Merz took part.", "German Chancellor Friedrich Merz",
  part("friedrich-merz", "participant", "state:germany") + " " + tenure("friedrich-merz", "chancellor-of-germany", "state:germany")),
 ("participant-meloni", "Italian Prime Minister Giorgia Meloni took part.", "Italian Prime Minister Giorgia Meloni",
  part("giorgia-meloni", "participant", "state:italy") + " " + tenure("giorgia-meloni", "prime-minister-of-italy", "state:italy")),
 ("participant-tusk", "Polish Prime Minister Donald Tusk took part.", "Polish Prime Minister Donald Tusk",
  part("donald-tusk", "participant", "state:poland") + " " + tenure("donald-tusk", "prime-minister-of-poland", "state:poland")),
 ("participant-rutte", "NATO Secretary General Mark Rutte took part.", "NATO Secretary General Mark Rutte",
  part("mark-rutte", "participant", "organization:nato") + " " + tenure("mark-rutte", "secretary-general-of-nato", "organization:nato")),
 ("participant-us-envoys", "U.S. special envoys Steve Witkoff and Jared Kushner took part, as envoys of the United States.", "U.S. special envoys Steve Witkoff and Jared Kushner",
  part("steve-witkoff", "envoy", "state:united-states") + " " + tenure("steve-witkoff", "us-special-envoy", "state:united-states") + " "
  + part("jared-kushner", "envoy", "state:united-states").replace("?p", "?q") + " " + tenure("jared-kushner", "us-special-envoy", "state:united-states")),
 ("summit-aim", "The gathering aimed to concretize security guarantees.", "The gathering aimed to concretize security guarantees",
  f"{S} pg:aimText \"to concretize security guarantees\" ; pg:concerns commitment:security-guarantees ."),
 ("us-led-diplomatic-efforts", "The summit took place amid ongoing U.S.-led diplomatic efforts to negotiate an end to the war.", "amid ongoing U.S.-led diplomatic efforts to negotiate an end to Russia's nearly four-year war in Ukraine",
  f"{S} pg:hasContext event:us-led-peace-efforts . event:us-led-peace-efforts a pg:DiplomaticProcess ; pg:leadership leadership:us-led ; pg:ledBy state:united-states ; pg:concerns event:russo-ukrainian-war ; pg:ongoingAsOf \"2026-01-06\"^^xsd:date ."),
 ("war-nearly-four-years", "Russia's war in Ukraine has lasted nearly four years (kept as words, not rounded).", "Russia's nearly four-year war in Ukraine",
  f"{S} pg:hasContext event:russo-ukrainian-war . event:russo-ukrainian-war a pg:War ; pg:wagedBy state:russia ; pg:inCountry state:ukraine ; pg:durationText \"nearly four-year\" ."),
 ("joint-declaration", "A joint declaration, made at the summit, outlined a multi-layered framework of four components.", "The joint declaration outlined a multi-layered framework",
  f"document:joint-declaration-paris-2026-01-06 a pg:JointDeclaration ; pg:madeAt {S} ; pg:descriptionText \"a multi-layered framework\" . {{ SELECT (COUNT(?c) AS ?n) WHERE {{ document:joint-declaration-paris-2026-01-06 pg:hasComponent ?c }} }} FILTER(?n = 4)"),
 ("monitoring-mechanism", "The framework includes a U.S.-led ceasefire monitoring and verification mechanism, whose dependence on a ceasefire is implied.", "a U.S.-led ceasefire monitoring and verification mechanism",
  "document:joint-declaration-paris-2026-01-06 pg:hasComponent commitment:ceasefire-monitoring-mechanism . commitment:ceasefire-monitoring-mechanism a pg:MonitoringCommitment ; pg:leadership leadership:us-led ; pg:ledBy state:united-states ; pg:hasActivationCondition ?c . ?c pg:awaitsEvent event:russia-ukraine-ceasefire ; pg:conditionBasis basis:implied ."),
 ("long-term-military-assistance", "The framework includes long-term military assistance to Ukraine's armed forces, described as the \"first line of defense\".", 'long-term military assistance to Ukraine\'s armed forces, described as the "first line of defense"',
  "document:joint-declaration-paris-2026-01-06 pg:hasComponent commitment:long-term-military-assistance . commitment:long-term-military-assistance a pg:MilitaryAssistanceCommitment ; pg:beneficiary state:ukraine ; pg:beneficiaryText ?b . FILTER(CONTAINS(?b, \"first line of defense\"))"),
 ("reassurance-force", "The framework includes a European-led multinational reassurance force for deterrence and rebuilding.", "a European-led multinational reassurance force for deterrence and rebuilding",
  "document:joint-declaration-paris-2026-01-06 pg:hasComponent commitment:multinational-reassurance-force . commitment:multinational-reassurance-force a pg:ReassuranceForceCommitment ; pg:leadership leadership:european-led ; pg:hasPurpose purpose:deterrence , purpose:rebuilding . FILTER NOT EXISTS { commitment:multinational-reassurance-force pg:ledBy ?anyone }"),
 ("reassurance-force-us-support", "The reassurance force has potential U.S. support (potential, not pledged).", "with potential U.S. support",
  "commitment:multinational-reassurance-force pg:supportedBy commitment:us-support-reassurance-force . commitment:us-support-reassurance-force pg:committedBy state:united-states ; pg:modality modality:potential ."),
 ("aggression-response", "The framework includes binding commitments to respond to any future Russian aggression.", "binding commitments to respond to any future Russian aggression",
  "document:joint-declaration-paris-2026-01-06 pg:hasComponent commitment:response-to-future-aggression . commitment:response-to-future-aggression a pg:AggressionResponseCommitment ; pg:bindingness bindingness:binding ."),
 ("aggression-measures", "The response potentially involves military, intelligence, logistical, diplomatic and sanctions measures.", "potentially involving military, intelligence, logistical, diplomatic, and sanctions measures",
  "commitment:response-to-future-aggression pg:mayInvolveMeasure measure:military , measure:intelligence , measure:logistical , measure:diplomatic , measure:sanctions ."),
 ("coordination-unit", "Macron emphasized operational convergence, including a coordination unit integrating coalition forces, Ukraine and the U.S.", "Macron emphasized operational convergence, including a coordination unit integrating coalition forces, Ukraine, and the U.S.",
  "commitment:coordination-unit a pg:CoordinationUnitCommitment ; pg:integrates organization:coalition-of-the-willing , state:ukraine , state:united-states ; pg:statedIn statement:emmanuel-macron-operational-convergence . statement:emmanuel-macron-operational-convergence pg:speaker person:emmanuel-macron ."),
 ("turkiye-maritime", "Macron praised contributions from various nations, noting Türkiye's role in maritime security.", "noting Türkiye's role in maritime security",
  "commitment:turkiye-maritime-security a pg:MaritimeSecurityCommitment ; pg:committedBy state:turkiye ; pg:statedIn statement:emmanuel-macron-operational-convergence ."),
 ("uk-france-hubs", "Starmer detailed UK-France plans for post-ceasefire military hubs and protected facilities in Ukraine (a stated condition).", "Starmer detailed UK-France plans for post-ceasefire military hubs and protected facilities in Ukraine",
  "commitment:uk-france-military-hubs a pg:MilitaryHubCommitment ; pg:committedBy state:united-kingdom , state:france ; pg:inCountry state:ukraine ; pg:modality modality:planned ; pg:statedIn/pg:speaker person:keir-starmer ; pg:hasActivationCondition ?c . ?c pg:conditionText \"post-ceasefire\" ; pg:conditionBasis basis:stated ; pg:awaitsEvent event:russia-ukraine-ceasefire ."),
 ("hubs-defensive-needs", "The hubs are to support defensive needs.", "to support defensive needs",
  "commitment:uk-france-military-hubs pg:hasPurpose purpose:defensive-needs ."),
 ("germany-commitment", "Merz affirmed Germany's multifaceted commitment.", "Merz affirmed Germany's multifaceted commitment",
  "commitment:germany-multifaceted-commitment pg:committedBy state:germany ; pg:statedIn/pg:speaker person:friedrich-merz ."),
 ("germany-possible-deployments", "Germany's commitment includes possible deployments to neighboring NATO territory.", "including possible deployments to neighboring NATO territory",
  "commitment:germany-multifaceted-commitment pg:hasComponent commitment:germany-possible-deployments . commitment:germany-possible-deployments a pg:DeploymentCommitment ; pg:modality modality:possible ; pg:locationText \"neighboring NATO territory\" ."),
 ("loan-bolsters-military", "Part of the €90 billion EU loan will bolster Ukraine's military (the share is not given).", "part of which will bolster Ukraine's military",
  "commitment:eu-loan-90bn pg:partlyUsedFor purpose:military-strengthening ."),
 ("loan-underscores-backing", "The article holds that the loan underscores financial backing.", "underscores financial backing",
  "assessment:eu-loan-underscores-financial-backing a pg:Assessment ; pg:concerns commitment:eu-loan-90bn ."),
 ("accession-long-term-guarantee", "Ukraine's EU accession is viewed as an additional long-term guarantee (unattributed).", "Ukraine's EU accession is viewed as an additional long-term guarantee",
  "assessment:eu-accession-long-term-guarantee a pg:Assessment ; pg:concerns commitment:eu-accession-support ."),
 ("us-participation-alignment", "U.S. participation signaled alignment with the Trump administration's peace initiatives.", "U.S. participation signaled alignment with the Trump administration's peace initiatives",
  "assessment:us-participation-signals-alignment a pg:Assessment ; pg:concerns event:us-led-peace-efforts ."),
 ("us-contributions-evolving", "Details on American contributions remain evolving.", "details on American contributions remain evolving",
  "commitment:us-support-reassurance-force pg:caveat \"details on American contributions remain evolving\" ."),
 ("witkoff-frameworks", "Witkoff described progress on frameworks.", "Witkoff described progress on frameworks",
  "statement:steve-witkoff-frameworks pg:speaker person:steve-witkoff ; pg:reportedContent \"described progress on frameworks\" ."),
 ("kushner-trump-support", "Kushner conveyed President Trump's support.", "Kushner conveyed President Trump's support.",
  "statement:jared-kushner-trump-support pg:speaker person:jared-kushner ; pg:onBehalfOf person:donald-trump . " + tenure("donald-trump", "president-of-the-united-states", "state:united-states")),
 ("zelenskyy-welcomed", "Zelenskyy welcomed the outcomes, stressing robust deterrents to prevent renewed aggression.", "Zelenskyy welcomed the outcomes, stressing robust deterrents to prevent renewed aggression.",
  "statement:volodymyr-zelenskyy-outcomes pg:speaker person:volodymyr-zelenskyy . stance:zelenskyy-welcomes-outcomes pg:stanceHolder person:volodymyr-zelenskyy ; pg:position position:welcomes ."),
 ("analysts-negotiating-position", "Analysts note that the pledges strengthen Ukraine's negotiating position.", "Analysts note the pledges strengthen Ukraine's negotiating position",
  "assessment:pledges-strengthen-negotiating-position pg:assessorText \"Analysts\" ; pg:assessmentText \"the pledges strengthen Ukraine's negotiating position\" ."),
 ("analysts-credible-ceasefire", "Analysts note that implementation hinges on a credible ceasefire.", "implementation hinges on a credible ceasefire",
  "assessment:implementation-hinges-on-ceasefire pg:assessorText \"Analysts\" ; pg:concerns event:russia-ukraine-ceasefire ."),
 ("ceasefire-elusive", "A ceasefire is currently elusive amid continued fighting: it had not happened as of the article's date, and the war goes on.", "currently elusive amid continued fighting",
  "event:russia-ukraine-ceasefire pg:notOccurredAsOf \"2026-01-07\"^^xsd:date . event:russo-ukrainian-war pg:ongoingAsOf \"2026-01-07\"^^xsd:date . FILTER NOT EXISTS { GRAPH " + G + " { ?o a pg:EntryIntoForce } }"),
 ("russia-no-response", "Russia has not publicly responded to the declaration.", "Russia has not publicly responded to the declaration",
  "stance:russia-no-response-to-declaration pg:stanceHolder state:russia ; pg:position position:no-public-response ; pg:concerns document:joint-declaration-paris-2026-01-06 ; pg:asOf \"2026-01-07\"^^xsd:date ."),
 ("russia-rejected-troops", "Russia previously rejected foreign troop presence on Ukrainian soil.", "previously rejected foreign troop presence on Ukrainian soil",
  "stance:russia-rejects-foreign-troops pg:stanceHolder state:russia ; pg:position position:rejects ; pg:stanceObjectText \"foreign troop presence on Ukrainian soil\" ; pg:timeText \"previously\" ."),
 ("summit-proactive-stance", "The article holds that the summit reflects Europe's proactive stance in shaping post-conflict architecture.", "The summit reflects Europe's proactive stance in shaping post-conflict architecture",
  "assessment:summit-reflects-europe-proactive-stance a pg:Assessment ; pg:concerns " + S + " ."),
 ("significant-step", "The article holds that the development marks a significant step toward formalizing transatlantic commitments, potentially paving the way for broader negotiations involving Moscow.", "This development marks a significant step toward formalizing transatlantic commitments",
  "assessment:significant-step-toward-formalizing a pg:Assessment ; pg:concerns " + S + " ."),
 ("framework-influence", "The article holds that the coalition's framework could influence the trajectory of Europe's largest conflict since World War II.", "the coalition's framework could influence the trajectory of Europe's largest conflict since World War II",
  "assessment:framework-could-influence-conflict a pg:Assessment ; pg:concerns document:joint-declaration-paris-2026-01-06 ."),
 ("coalition-members-implied", "France, the United Kingdom, Germany, Italy and Poland, whose leaders attended the coalition's leaders meeting, are coalition members (implied).", "European leaders attending the \"Coalition of the Willing\" summit",
  "{ SELECT (COUNT(?m) AS ?n) WHERE { ?m org:organization organization:coalition-of-the-willing ; pg:basis basis:implied ; org:member ?s . VALUES ?s { state:france state:united-kingdom state:germany state:italy state:poland } } } FILTER(?n = 5)"),
]
text = open("data/sources/coalition-summit-2026-01-07.txt", encoding="utf-8").read()
import os
rows = []
for i, (slug, fact, sentence, body) in enumerate(F, 1):
    fid = f"F{i:02d}"
    assert sentence in text, (fid, sentence)
    assert "|" not in fact + sentence
    q = f"# {fid}: {fact}\n# Source: {sentence}\n{PFX}\nASK {{\n  {body}\n}}\n"
    open(f"src/test/resources/facts/{fid}-{slug}.rq", "w").write(q)
    rows.append(f"| {fid} | {fact} | {sentence} | [`{fid}-{slug}.rq`](../src/test/resources/facts/{fid}-{slug}.rq) |")
md = """# The facts of the article

Every fact that `data/sources/coalition-summit-2026-01-07.txt` states (or, where marked, implies), one row each, with
the passage that states it and the ASK query that checks it in the store. `FactsTableTest` runs every query (each must
answer true), checks that every passage occurs verbatim in the article, and that this table and the query files
(`src/test/resources/facts/`) list the same facts, so the two cannot drift apart.

Implied readings (marked `implied` in the data): von der Leyen's participation, the coalition memberships, and the
monitoring mechanism's dependence on a ceasefire. Identifications the curator made: Costa's post dated "Tuesday"
is 6 January 2026 (the dateline is Wednesday 7 January 2026); von der Leyen's post, which says "today in Paris at the
Coalition of the Willing leaders meeting", is dated 6 January 2026, the summit's date; the guarantors of the joint declaration's components are
recorded as the Coalition of the Willing. Opinions (the analysts', and the article's own) are `pg:Assessment`s, never
facts about the world.

| id | fact | passage in the article | query |
|---|---|---|---|
""" + "\n".join(rows) + "\n"
open("docs/facts.md", "w").write(md)
print(len(F))
