# Rule: owl:propertyChainAxiom with two links.
# Derives: ?s ?p ?o from ?s ?p1 ?m and ?m ?p2 ?o when the ontology declares ?p owl:propertyChainAxiom (?p1 ?p2).
# Why: derived relations the ontology defines by composition (e.g. a guarantor's state through its office).
# Reads: statements from the union; chain axioms from the ontology graph. Chains of other lengths are not derived
# (none is declared; SPARQL cannot walk a list of unknown length inside one join).
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/pledgegraph/graph/ontology> {
    ?p owl:propertyChainAxiom ?l1 .
    ?l1 rdf:first ?p1 ; rdf:rest ?l2 .
    ?l2 rdf:first ?p2 ; rdf:rest rdf:nil .
  }
  ?s ?p1 ?m .
  ?m ?p2 ?o .
  FILTER NOT EXISTS { ?s ?p ?o }
}
