-- 20_geometry.sql: every shape of the seed files, built from recipe.src_countries and recipe.places.
\set ON_ERROR_STOP on
SET search_path = recipe, public;

-- 1. countries: OSM polygons; overlaps of the exclaves resolved (each exclave stays with the state whose
--    separate polygon it is: ARM minus the AZE exclave parts, AZE minus ARM, IRN minus ARM/AZE slivers)
CREATE TABLE aze_exclave_part AS
SELECT d.path[1] AS part, d.geom AS g
  FROM src_countries z, src_countries a, ST_Dump(z.g) d
 WHERE z.iso3 = 'AZE' AND a.iso3 = 'ARM' AND ST_Area(ST_Intersection(d.geom, a.g)) > 0.9 * ST_Area(d.geom);
CREATE TABLE country (iso3 text PRIMARY KEY, name text, g geometry);
INSERT INTO country SELECT 'ARM', 'Armenia', mpoly(rp(ST_Difference(g, (SELECT ST_Union(g) FROM aze_exclave_part)))) FROM src_countries WHERE iso3 = 'ARM';
INSERT INTO country SELECT 'AZE', 'Azerbaijan', mpoly(rp(ST_Difference(z.g, a.g))) FROM src_countries z, country a WHERE z.iso3 = 'AZE' AND a.iso3 = 'ARM';
INSERT INTO country SELECT 'IRN', 'Iran', mpoly(rp(ST_Difference(i.g, (SELECT ST_Union(g) FROM country)))) FROM src_countries i WHERE i.iso3 = 'IRN';
INSERT INTO country SELECT iso3, CASE iso3 WHEN 'GEO' THEN 'Georgia' WHEN 'RUS' THEN 'Russia' WHEN 'TUR' THEN 'Türkiye' END, mpoly(rp(g))
  FROM src_countries WHERE iso3 IN ('GEO','RUS','TUR');
CREATE FUNCTION cg(iso text) RETURNS geometry LANGUAGE sql STABLE AS $$ SELECT g FROM recipe.country WHERE iso3 = iso $$;
CREATE FUNCTION part_at(iso text, p geometry) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT d.geom FROM recipe.country c, ST_Dump(c.g) d WHERE c.iso3 = iso AND ST_Intersects(d.geom, p) $$;
CREATE TABLE shared_bnd AS
SELECT a.iso3 AS a, b.iso3 AS b, ST_LineMerge(ST_CollectionExtract(ST_Intersection(ST_Boundary(a.g), ST_Boundary(b.g)), 2)) AS g
  FROM country a, country b WHERE a.iso3 < b.iso3 AND ST_Intersects(a.g, b.g);
CREATE FUNCTION sb(x text, y text) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT g FROM recipe.shared_bnd WHERE (a, b) = (least(x, y), greatest(x, y)) $$;

-- 2. reference line (ARM-AZE shared edges) split into components and named sections
CREATE TABLE ref_piece AS
SELECT d.path[1] AS n, d.geom AS g,
       CASE WHEN ST_DWithin(d.geom, part_at('AZE', pt('Nakhchivan')), 1e-6) THEN 'N'
            WHEN ST_DWithin(d.geom, part_at('ARM', pt('Artsvashen')), 1e-6) THEN 'Artsvashen exclave'
            WHEN ST_DWithin(d.geom, (SELECT g FROM aze_exclave_part WHERE ST_DWithin(g, pt('Yukhari Askipara'), 0.02) ORDER BY ST_Distance(g, pt('Yukhari Askipara')) LIMIT 1), 1e-6) THEN 'Yukhari Askipara exclave'
            WHEN ST_DWithin(d.geom, (SELECT g FROM aze_exclave_part WHERE ST_DWithin(g, pt('Barkhudarly'), 0.02) ORDER BY ST_Distance(g, pt('Barkhudarly')) LIMIT 1), 1e-6) THEN 'Barkhudarly exclave'
            ELSE 'M' END AS comp
  FROM ST_Dump(sb('ARM','AZE')) d;
CREATE FUNCTION ref_main() RETURNS geometry LANGUAGE sql STABLE AS $$ SELECT ST_Union(g) FROM recipe.ref_piece WHERE comp = 'M' $$;

-- section seeds: each segment of a line goes to the nearest seed place of its component (schematic limits)
CREATE TABLE section_seed (comp text, place text, section text);
INSERT INTO section_seed VALUES
 ('M','Ijevan','Tavush–Gazakh'),
 ('M','Sotk','Gegharkunik–Kalbajar'), ('M','Vardenis','Gegharkunik–Kalbajar'),
 ('M','Jermuk','Vayots Dzor–Kalbajar'),
 ('M','Sev Lich (Lake Sev)','Syunik–Lachin/Zangilan'), ('M','Goris','Syunik–Lachin/Zangilan'), ('M','Tegh','Syunik–Lachin/Zangilan'),
 ('M','Kapan','Syunik–Lachin/Zangilan'), ('M','Nrnadzor','Syunik–Lachin/Zangilan'),
 ('N','Yeraskh','Ararat–Nakhchivan'), ('N','Jermuk','Vayots Dzor–Nakhchivan'),
 ('N','Sisian','Syunik–Nakhchivan'), ('N','Angeghakot','Syunik–Nakhchivan'), ('N','Meghri','Syunik–Nakhchivan'), ('N','Agarak','Syunik–Nakhchivan');
CREATE FUNCTION sections(line geometry) RETURNS TABLE (section text, g geometry) LANGUAGE sql STABLE AS $$
  WITH comp AS (   -- classify each part of the line by the reference component it lies on / nearest to
    SELECT d.geom AS g, (SELECT comp FROM recipe.ref_piece r ORDER BY ST_Distance(r.g, d.geom) LIMIT 1) AS comp
      FROM ST_Dump(line) d),
  seg AS (
    SELECT c.comp, s.geom AS g FROM comp c, ST_DumpSegments(c.g) s)
  SELECT coalesce((SELECT ss.section FROM recipe.section_seed ss WHERE ss.comp = seg.comp
                    ORDER BY ST_Distance(recipe.pt(ss.place), seg.g) LIMIT 1), seg.comp) AS section,
         ST_Multi(ST_LineMerge(ST_Union(seg.g))) AS g
    FROM seg GROUP BY 1 $$;

-- 3. held areas since 2020, grown from the main reference line into ARM, in episode order, no overlaps
CREATE TABLE held_def (ord int, id text, place text, target float8, since date);
INSERT INTO held_def VALUES
 (1,'may-2021-sev-lich','Sev Lich (Lake Sev)', 41.0/3, '2021-05-12'), (2,'may-2021-vardenis','Vardenis', 41.0/3, '2021-05-12'),
 (3,'may-2021-sisian','Sisian', 41.0/3, '2021-05-12'),
 (4,'sept-2022-jermuk','Jermuk', 60.06, '2022-09-13'),
 (5,'sept-2022-sotk','Sotk', (140 - 60.06)/4, '2022-09-13'), (6,'sept-2022-vardenis','Vardenis', (140 - 60.06)/4, '2022-09-13'),
 (7,'sept-2022-goris','Goris', (140 - 60.06)/4, '2022-09-13'), (8,'sept-2022-kapan','Kapan', (140 - 60.06)/4, '2022-09-13'),
 (9,'mar-2023-tegh','Tegh', 2.5, '2023-03-30');
CREATE TABLE held (id text PRIMARY KEY, ord int, seed geometry, g geometry);
DO $$
DECLARE r record; taken geometry; s geometry;
BEGIN
  FOR r IN SELECT * FROM recipe.held_def ORDER BY ord LOOP
    SELECT ST_Union(g) INTO taken FROM recipe.held;
    s := ST_ClosestPoint(recipe.ref_main(), recipe.pt(r.place));
    INSERT INTO recipe.held VALUES (r.id, r.ord, s,
      recipe.grow(s, CASE WHEN taken IS NULL THEN recipe.cg('ARM') ELSE ST_Difference(recipe.cg('ARM'), taken) END, r.target));
  END LOOP;
END $$;

-- 4. Tavush-Gazakh 2024: 12.7 km of the main reference line centred on the point nearest the
--    Voskepar/Baghanis midpoint; the 6.5 km2 strip of ARM along it goes to AZE
CREATE TABLE tavush AS
WITH mid AS (SELECT ST_Centroid(ST_Collect(pt('Voskepar'), pt('Baghanis'))) AS p),
piece AS (SELECT ST_Transform(r.g, 32638) AS l FROM ref_piece r, mid WHERE r.comp = 'M' ORDER BY ST_Distance(r.g, mid.p) LIMIT 1),
loc AS (SELECT l, ST_LineLocatePoint(l, ST_Transform(mid.p, 32638)) AS f, ST_Length(l) AS len FROM piece, mid)
SELECT ST_Transform(ST_LineSubstring(l, greatest(0, f - 6350 / len), least(1, f + 6350 / len)), 4326) AS section_line
  FROM loc;
ALTER TABLE tavush ADD COLUMN transfer geometry, ADD COLUMN new_line geometry;
UPDATE tavush SET transfer = grow_along(section_line, ST_Difference(cg('ARM'), (SELECT ST_Union(g) FROM held)), 6.5);
UPDATE tavush SET new_line = ST_Multi(rp(ST_LineMerge(ST_CollectionExtract(
  ST_Intersection(ST_Boundary(transfer), ST_Boundary(rp(ST_Difference(cg('ARM'), transfer)))), 2))));

-- 5. Karki: no polygon in the OSM data -> schematic disc of the cited 19 km2 around the places.csv point
CREATE TABLE karki AS SELECT grow(pt('Karki (Tigranashen)'), cg('ARM'), 19) AS g;

-- 6. de facto line of control: the boundary between the area each state controls, per period since the
--    10 Nov 2020 statement: the areas held by then (Artsvashen since 1992; each episode from its date), the
--    2024 strip from 24 May 2024; the Azerbaijani exclaves held by Armenia throughout
CREATE TABLE defacto_period (map_id text PRIMARY KEY, valid_from date, valid_to date);
INSERT INTO defacto_period VALUES
 ('de-facto-2020', '2020-11-10', '2021-05-11'), ('de-facto-2021', '2021-05-12', '2022-09-12'),
 ('de-facto-2022', '2022-09-13', '2023-03-29'), ('de-facto-2023', '2023-03-30', '2024-05-23'),
 ('de-facto-2024', '2024-05-24', NULL);
CREATE TABLE defacto AS
WITH ex AS (SELECT ST_Union(g) AS g FROM aze_exclave_part),
     lost AS (SELECT p.map_id, ST_Union(ARRAY[
                (SELECT ST_Union(h.g) FROM held h JOIN held_def d ON d.id = h.id WHERE d.since <= p.valid_from),
                (SELECT transfer FROM tavush WHERE p.valid_from >= date '2024-05-24'),
                part_at('ARM', pt('Artsvashen'))]) AS g
                FROM defacto_period p),
     c_arm AS (SELECT lost.map_id, rp(ST_Union(ST_Difference(cg('ARM'), lost.g), ex.g)) AS g FROM lost, ex),
     c_aze AS (SELECT lost.map_id, rp(ST_Union(ST_Difference(cg('AZE'), ex.g), lost.g)) AS g FROM lost, ex)
SELECT c_arm.map_id, rp(ST_LineMerge(ST_CollectionExtract(ST_Intersection(ST_Boundary(c_arm.g), ST_Boundary(c_aze.g)), 2))) AS g
  FROM c_arm JOIN c_aze USING (map_id);

-- 7. routes
CREATE TABLE ring AS
SELECT 'N' AS k, buf_m(ST_Intersection(cg('IRN'), ST_MakeEnvelope(44.3, 38.3, 49.0, 40.0, 4326)), 300) AS poly      -- north bank: IRN grown 300 m
UNION ALL SELECT 'S', buf_m(ST_Intersection(ST_Union(cg('ARM'), cg('AZE')), ST_MakeEnvelope(44.3, 38.3, 49.0, 40.0, 4326)), 300) -- south bank: ARM+AZE grown 300 m
UNION ALL SELECT 'A', buf_m(ST_Intersection(cg('ARM'), ST_MakeEnvelope(42.9, 39.5, 46.0, 41.5, 4326)), 1000)        -- around Armenia, 1 km
UNION ALL SELECT 'Z', buf_m(part_at('AZE', pt('Nakhchivan')), 300);                                                   -- around Nakhchivan, 300 m
CREATE FUNCTION rg(kind text, near geometry) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT recipe.ring_near(near, poly) FROM recipe.ring WHERE k = kind $$;
CREATE FUNCTION on_ring(kind text, p geometry) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT ST_ClosestPoint(recipe.rg(kind, p), p) $$;

CREATE TABLE route_geom (id text PRIMARY KEY, g geometry);
INSERT INTO route_geom VALUES
('baku-nakhchivan-via-meghri', chain(
   leg(pt('Baku'), pt('Horadiz'), rg('N', pt('Horadiz'))),
   on_ring('N', pt('Horadiz')),
   along(rg('N', pt('Horadiz')), on_ring('N', pt('Horadiz')), on_ring('N', pt('Julfa (Culfa)'))),
   pt('Julfa (Culfa)'), pt('Nakhchivan'))),
('baku-nakhchivan-via-aras-corridor-iran', chain(
   leg(pt('Baku'), pt('Horadiz'), rg('N', pt('Horadiz'))),
   on_ring('N', pt('Horadiz')),
   along(rg('N', pt('Horadiz')), on_ring('N', pt('Horadiz')), on_ring('N', pt('Aghband'))),
   pt('Aghband'), on_ring('S', pt('Aghband')),
   along(rg('S', pt('Jolfa')), on_ring('S', pt('Aghband')), on_ring('S', pt('Jolfa'))),
   pt('Jolfa'), pt('Julfa (Culfa)'), pt('Nakhchivan'))),
('horadiz-aghband-road', chain(
   pt('Horadiz'), on_ring('N', pt('Horadiz')),
   along(rg('N', pt('Horadiz')), on_ring('N', pt('Horadiz')), on_ring('N', pt('Aghband'))),
   pt('Aghband'))),
('baku-nakhchivan-via-iran-historic-road', chain(
   pt('Baku'), pt('Bilasuvar'), pt('Bileh Savar'), on_ring('S', pt('Bileh Savar')),
   along(rg('S', pt('Jolfa')), on_ring('S', pt('Bileh Savar')), on_ring('S', pt('Jolfa'))),
   pt('Jolfa'), pt('Julfa (Culfa)'), pt('Nakhchivan'))),
('yerevan-meghri-rail-via-nakhchivan', chain(
   leg(pt('Yerevan'), pt('Yeraskh'), rg('Z', pt('Yeraskh'))),
   pt('Sadarak'), pt('Nakhchivan'), pt('Julfa (Culfa)'), on_ring('N', pt('Julfa (Culfa)')),
   along(rg('N', pt('Meghri')), on_ring('N', pt('Julfa (Culfa)')), on_ring('N', pt('Meghri'))),
   pt('Meghri'))),
('yerevan-iran-rail-via-nakhchivan', chain(
   leg(pt('Yerevan'), pt('Yeraskh'), rg('Z', pt('Yeraskh'))),
   pt('Sadarak'), pt('Nakhchivan'), pt('Julfa (Culfa)'), pt('Jolfa'))),
('yerevan-georgia-rail-via-ijevan-gazakh', chain(
   pt('Yerevan'), pt('Ijevan'), pt('Gazakh (Qazax)'), ST_ClosestPoint(sb('AZE','GEO'), pt('Gazakh (Qazax)')))),
('yerevan-georgia-rail-via-bagratashen-sadakhlo', chain(pt('Yerevan'), pt('Bagratashen'), pt('Sadakhlo'))),
('baku-yerevan-rail-via-azerbaijan-georgia', chain(
   pt('Baku'), pt('Gazakh (Qazax)'),
   leg(ST_ClosestPoint(sb('AZE','GEO'), pt('Gazakh (Qazax)')), on_ring('A', pt('Sadakhlo')), rg('A', pt('Sadakhlo'))),
   pt('Sadakhlo'), pt('Bagratashen'), pt('Yerevan'))),
('kars-igdir-dilucu-nakhchivan-rail', chain(
   leg(pt('Kars'), pt('Igdir'), rg('A', pt('Igdir'))),
   pt('Aralik'),
   leg(pt('Aralik'), pt('Sadarak'), rg('A', pt('Aralik'))),
   pt('Nakhchivan')));
INSERT INTO route_geom VALUES
('agarak-nurduz-road', chain(pt('Kapan'), pt('Meghri'), pt('Agarak'), ST_ClosestPoint(sb('ARM','IRN'), pt('Agarak')))),
('horadiz-aghband-rail', (SELECT g FROM route_geom WHERE id = 'horadiz-aghband-road')),
-- the Lachin corridor as it was (10 Nov 2020 – Sept 2023): straight legs through the places the road runs through
('goris-khankendi-lachin-corridor', chain(pt('Goris'), pt('Kornidzor'), pt('Lachin (Berdzor)'), pt('Shusha (Shushi)'), pt('Khankendi (Stepanakert)')));
UPDATE route_geom SET g = rp(ST_RemoveRepeatedPoints(g));

-- 8. checkpoints: nearest point of the given line to the anchor if within 1.95 km, else the anchor itself
CREATE FUNCTION cp_pos(anchor geometry, line geometry, force boolean DEFAULT false) RETURNS geometry LANGUAGE sql STABLE AS $$
  SELECT rp(CASE WHEN force OR recipe.dist_m(ST_ClosestPoint(line, anchor), anchor) <= 1950
                 THEN ST_ClosestPoint(line, anchor) ELSE anchor END) $$;
CREATE FUNCTION mid(a text, b text) RETURNS geometry LANGUAGE sql STABLE AS $$ SELECT ST_Centroid(ST_Collect(recipe.pt(a), recipe.pt(b))) $$;
CREATE FUNCTION rt(i text) RETURNS geometry LANGUAGE sql STABLE AS $$ SELECT g FROM recipe.route_geom WHERE id = i $$;
CREATE TABLE cp_geom (id text PRIMARY KEY, g geometry);
INSERT INTO cp_geom VALUES
 ('agarak-nurduz',          cp_pos(pt('Agarak'), sb('ARM','IRN'))),
 ('bagratashen-sadakhlo',   cp_pos(mid('Bagratashen','Sadakhlo'), sb('ARM','GEO'))),
 ('margara',                cp_pos(pt('Margara'), sb('ARM','TUR'))),
 ('bilasuvar-bileh-savar',  cp_pos(pt('Bileh Savar'), sb('AZE','IRN'))),
 ('astara-astara',          cp_pos(pt('Astara'), sb('AZE','IRN'))),
 ('julfa-jolfa',            cp_pos(mid('Julfa (Culfa)','Jolfa'), sb('AZE','IRN'))),
 ('shahtakhti-poldasht',    rp(mid('Shahtakhti','Poldasht'))),
 ('sadarak-dilucu',         cp_pos(pt('Sadarak'), sb('AZE','TUR'), true)),
 ('yeraskh',                cp_pos(pt('Yeraskh'), sb('ARM','AZE'))),
 ('aghband-kalaleh-bridge', cp_pos(pt('Aghband'), sb('AZE','IRN'))),
 ('nrnadzor-post', cp_pos(pt('Nrnadzor'), rt('baku-nakhchivan-via-meghri'))),
 ('agarak-post',   cp_pos(pt('Agarak'), rt('baku-nakhchivan-via-meghri'))),
 ('sotk',                   cp_pos(pt('Sotk'), sb('ARM','AZE'))),
 ('angeghakot',             cp_pos(pt('Angeghakot'), sb('ARM','AZE'))),
 ('aze-geo-rail-crossing',  rp(ST_ClosestPoint(sb('AZE','GEO'), pt('Gazakh (Qazax)')))),
 ('ijevan-gazakh-rail-crossing', rp((SELECT d.geom FROM ST_Dump(ST_Intersection(rt('yerevan-georgia-rail-via-ijevan-gazakh'), sb('ARM','AZE'))) d
                                     ORDER BY ST_LineLocatePoint(rt('yerevan-georgia-rail-via-ijevan-gazakh'), d.geom) LIMIT 1))),
 -- the Hakari bridge has no cited coordinate: the point is where the schematic corridor route meets the reference line
 ('lachin-corridor-crossing', rp((SELECT d.geom FROM ST_Dump(ST_Intersection(rt('goris-khankendi-lachin-corridor'), sb('ARM','AZE'))) d
                                  ORDER BY ST_LineLocatePoint(rt('goris-khankendi-lachin-corridor'), d.geom) LIMIT 1)));
