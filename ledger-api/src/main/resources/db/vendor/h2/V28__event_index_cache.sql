-- H2 keeps an identity column's next values in memory in blocks, and writes the block's end to the store,
-- with a commit of its own (a chunk write with WRITE_DELAY=0), each time a block runs out. With H2's block
-- of 32, a 10,000-item consignment spent 30 % of its transaction in those writes (async-profiler,
-- Sequence.flush). A block of 1,000 writes once per 1,000 records. What a crash costs is a gap of at most
-- 1,000 positions: the global index is an order, not a count, and Axon's gap-aware tokens (as on
-- PostgreSQL, whose sequences leave gaps too) read past it.
ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex SET CACHE 1000;
