"""The journey map itself: entities, the JourneyMap (one private networkx graph), its relations,
removals, the workshop's participants, votes, comments and parking lot, events, errors,
validation rules and plain-data form. Pure Python + networkx."""
