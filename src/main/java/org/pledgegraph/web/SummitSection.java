package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.pledgegraph.store.StoreView;

/** A summit's participants (with role and whom they represent), the documents adopted and the commitments made there. */
public record SummitSection(List<Participant> participants, List<Ref> documents, List<Ref> commitments) {
    public record Participant(Ref who, Ref role, Ref represents) {}

    static SummitSection build(StoreView view, Node summit, Links links) {
        List<Participant> participants = new ArrayList<>();
        view.select(Describe.bound("summit-participants", "summit", summit)).forEachRemaining(row -> participants.add(
                new Participant(PersonSection.ref(row, "participant", "participantLabel", links),
                        PersonSection.ref(row, "role", "roleLabel", links),
                        PersonSection.ref(row, "represents", "representsLabel", links))));
        List<Ref> documents = new ArrayList<>();
        List<Ref> commitments = new ArrayList<>();
        view.select(Describe.bound("summit-outcomes", "summit", summit)).forEachRemaining(row -> {
            Ref thing = PersonSection.ref(row, "thing", "label", links);
            ("document".equals(PersonSection.text(row, "what")) ? documents : commitments).add(thing);
        });
        return new SummitSection(participants, documents, commitments);
    }
}
