"""The journey map itself: entities, the JourneyMap (one private networkx graph), its relations,
removals, events, errors, validation rules and plain-data form. Pure Python + networkx."""
