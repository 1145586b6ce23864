"""The service layer: the composition root (`samenstelling`), the use cases (`portaal`), when read models
catch up with a command (`bijhouden`), and the one read gateway (`lezen`).

Arrows point one way: web/ and scripts/ -> service_layer -> events_store, projections, bijlage_validatie ->
domain.
"""
