"""The data layer: the curated tables' schema, reading and validating them, loading them typed and cached,
saving them safely, adding articles and accepted proposals, and one place for the folders they live in.
It imports nothing from the other layers."""
