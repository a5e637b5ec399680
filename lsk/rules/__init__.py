"""Rules: one module per rule, listed explicitly in ``registry``; the engine applies them."""
