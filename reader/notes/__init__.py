"""Notes and review marks without storage or screens.

The model, placement in a story, anchoring by quote, review order, Web Annotation.
"""
