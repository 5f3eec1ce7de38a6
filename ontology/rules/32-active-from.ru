# Rule: from when a commitment is active.
# Derives: ?s pg:activeFrom ?date. A commitment with no activation condition is active from the date it was made
# (pg:dateMade), with the precision the source gives: "agreed in December 2025" is "2025-12"^^xsd:gYearMonth, and so
# is its pg:activeFrom (a year stays a year); no day is made up. Beside a month or a year it also derives
# ?s pg:activeNoLaterThan, the period's last day, by which the commitment is surely active: status as of a date
# inside the period is undetermined (queries/status-as-of.rq). When the source gives no date made, the earliest date
# it is known to have been made by stands in: the date of the statement it is stated in (pg:statedIn,
# pg:statementDate), else the publication date of the source it comes from (prov:wasDerivedFrom, pg:publicationDate).
# A commitment with conditions is active once every one of them is met (rules 30 and 31): from the latest of their
# dates, and never before the date it was made: a condition met after the month made gives that day, one met within
# or before it leaves the month (the commitment may have been made on any of its days). While a condition is unmet
# nothing is derived, so the commitment stays pending. A withdrawal, suspension, fulfilment or lapse of the commitment
# recorded before that date (before a month's first day) means it never became active: nothing is derived. One
# recorded later ends it from its own date, which status as of a date (queries/status-as-of.rq,
# queries/active-as-of.rq) weighs; it leaves this date alone.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:activeFrom ?date . ?s pg:activeNoLaterThan ?by } }
WHERE {
  ?s a pg:Commitment .
  FILTER NOT EXISTS { ?s pg:hasActivationCondition ?unmet . FILTER NOT EXISTS { ?unmet pg:conditionMetOn ?any } }
  OPTIONAL { ?s pg:dateMade ?made }
  OPTIONAL { ?s pg:statedIn ?statement . ?statement pg:statementDate ?stated }
  OPTIONAL { ?s prov:wasDerivedFrom ?source . ?source pg:publicationDate ?published }
  OPTIONAL { ?s pg:hasActivationCondition ?last . ?last pg:conditionMetOn ?met }
  # Keep the earliest statement and publication dates and the latest condition met. (These filters stand outside
  # the OPTIONALs on purpose: Jena cannot evaluate a NOT EXISTS inside an OPTIONAL once ?s is bound by the
  # engine's focused refresh.)
  FILTER NOT EXISTS { ?s pg:statedIn ?st2 . ?st2 pg:statementDate ?d2 . FILTER (STR(?d2) < STR(?stated)) }
  FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?src2 . ?src2 pg:publicationDate ?d3 . FILTER (STR(?d3) < STR(?published)) }
  FILTER NOT EXISTS { ?s pg:hasActivationCondition ?c2 . ?c2 pg:conditionMetOn ?m2 . FILTER (?m2 > ?met) }
  BIND (COALESCE(?made, ?stated, ?published) AS ?when)
  # The date made with its precision: a month or a year as given, anything else cut to its day.
  BIND (IF(datatype(?when) = xsd:gYearMonth || datatype(?when) = xsd:gYear, ?when,
           STRDT(SUBSTR(STR(?when), 1, 10), xsd:date)) AS ?madeIn)
  # A condition met after the whole period made gives its day; met within it or before, the period stays. Compared
  # on the period's own length ("2026-01" > "2025-12"; day against day as the dates are).
  BIND (IF(BOUND(?met) && (!BOUND(?madeIn) || SUBSTR(STR(?met), 1, STRLEN(STR(?madeIn))) > STR(?madeIn)), ?met, ?madeIn) AS ?date)
  FILTER (BOUND(?date) && (datatype(?date) = xsd:date || datatype(?date) = xsd:gYearMonth || datatype(?date) = xsd:gYear))
  # First day of the period, for the endings below; last day, by which it is surely active (none for a day).
  BIND (IF(datatype(?date) = xsd:gYearMonth, STRDT(CONCAT(STR(?date), "-01"), xsd:date),
        IF(datatype(?date) = xsd:gYear, STRDT(CONCAT(STR(?date), "-01-01"), xsd:date), ?date)) AS ?first)
  BIND (xsd:integer(SUBSTR(STR(?date), 1, 4)) AS ?year)
  BIND (xsd:integer(SUBSTR(STR(?date), 6, 2)) AS ?month)
  BIND (IF(datatype(?date) = xsd:gYear, STRDT(CONCAT(STR(?date), "-12-31"), xsd:date),
        IF(datatype(?date) != xsd:gYearMonth, ?none,
           STRDT(CONCAT(STR(?date), "-",
             IF(?month = 2,
                IF((?year - FLOOR(?year / 4) * 4 = 0 && ?year - FLOOR(?year / 100) * 100 != 0) || ?year - FLOOR(?year / 400) * 400 = 0, "29", "28"),
                IF(?month IN (4, 6, 9, 11), "30", "31"))), xsd:date))) AS ?by)
  FILTER NOT EXISTS {
    VALUES ?ending { pg:Withdrawal pg:Suspension pg:Fulfilment pg:Lapse }
    ?end pg:occurrenceOf ?s ; a ?ending ; pg:occurredOn ?ended .
    FILTER (?ended < ?first)
  }
  FILTER NOT EXISTS { ?s pg:activeFrom ?date }
}
