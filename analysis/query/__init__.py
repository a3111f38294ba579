"""The query layer: what is being looked at (a Scope: tables, a FilterSpec, the Selection it picks) and the
numbers behind each view: aggregates, timelines, alignment. Frames in, small frames out; no wording."""
