-- The scan's matching looks for the few ready recordings without their caller yet among millions: without this
-- index it walked every ready row (docs/benchmarks.md, recording index).
ALTER TABLE recording ADD KEY recording_matching (matched, id);
