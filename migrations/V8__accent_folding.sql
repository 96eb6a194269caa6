-- ACCENTI in CQL2 filters: PostgreSQL's unaccent dictionary (one lookup per character) instead of a
-- translate() table of 585 letters, which scanned that table for every character of every row (6 s for one
-- filter over 100 000 rows; now about 0.2 s).
--
-- unaccent's own SQL functions are STABLE (they look the dictionary up by name), which would make the wrapper
-- neither usable in an index nor inlinable (a non-inlined SQL function costs ~15 µs a row). So the wrapper
-- calls unaccent's C function bound as IMMUTABLE, with the dictionary fixed when this migration runs; then
-- corridor.accent_fold is IMMUTABLE, inlined into each query and usable by an expression index
-- (CREATE INDEX ... (corridor.accent_fold(name))). Not STRICT: PostgreSQL inlines a STRICT SQL function only
-- when its whole body is strict, and CASE is not (NULL still gives NULL).
--
-- unaccent's dictionary leaves a few letters with diacritics as they are (Cyrillic й, ї, ў, ӑ, ..., Latin ǣ,
-- ǿ, ...). A translate() folds those first to their base letter as the earlier table did (from each letter's
-- Unicode canonical decomposition), so nothing that matched before stops matching; unaccent then folds the
-- rest (Ǽ becomes Æ, then AE, as Æ itself does). translate() is slow on every row, so it runs only on text that
-- contains one of those letters.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

CREATE FUNCTION corridor.unaccent_with(dictionary regdictionary, input text) RETURNS text
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  AS '$libdir/unaccent', 'unaccent_dict';

CREATE FUNCTION corridor.accent_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN corridor.unaccent_with('public.unaccent'::regdictionary,
    CASE WHEN input ~ '[ǢǣǮǯǼǽǾǿẛϓϔЀЃЇЌЍЎЙйѐѓїќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹ]'
         THEN translate(input,
                        'ǢǣǮǯǼǽǾǿẛϓϔЀЃЇЌЍЎЙйѐѓїќѝўѶѷӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹ',
                        'ÆæƷʒÆæØøſϒϒЕГІКИУИиегікиуѴѵЖжАаАаЕеӘәЖжЗзИиИиОоӨөЭэУуУуУуЧчЫы')
         ELSE input END);

COMMENT ON FUNCTION corridor.accent_fold(text) IS 'CQL2 ACCENTI: the text with diacritics removed (unaccent, and the letters it leaves)';
