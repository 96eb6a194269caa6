-- 40_features.sql: attributes of every feature, joined to the shapes of 20_geometry.sql, into corridor.*
\set ON_ERROR_STOP on
SET search_path = recipe, public;

INSERT INTO corridor.countries (id, geom, iso3, name, note, sources, accuracy)
SELECT iso3, g, iso3, name,
       CASE iso3 WHEN 'ARM' THEN 'OSM 2017; Azerbaijani exclave polygons (Yukhari Askipara, Barkhudarly) cut out; Karki not separate in OSM data.'
                 WHEN 'AZE' THEN 'OSM 2017 incl. Nakhchivan and exclaves; Artsvashen (Armenian exclave) and slivers overlapping ARM cut out.'
                 WHEN 'IRN' THEN 'OSM 2017; slivers overlapping ARM/AZE along the Aras cut out.'
                 ELSE 'OSM 2017, clipped to the region box.' END,
       ARRAY['osm-countries-2017','corridor-gis-recipe'], 'approximate'
  FROM country;

INSERT INTO corridor.boundary_maps (id, title, map_basis, proposed_by, status, description, note, sources, accuracy, valid_from, valid_to) VALUES
('de-facto-2020','De facto line of contact after the 10 Nov 2020 statement',
 'Reference line with Artsvashen and the exclaves as held (schematic)','reference','de facto',
 'The line of contact between Armenia and Azerbaijan once the districts along the eastern border came under Azerbaijani control after the 10 Nov 2020 statement: the reference line, except around Artsvashen (held by Azerbaijan since 1992) and the Azerbaijani exclaves held by Armenia.',
 'Schematic. The districts along the border were handed over in the weeks after 10 Nov 2020 (dates not in the fact sheet); the Nakhchivan section was a line of contact throughout. Later de facto maps: de-facto-2021, -2022, -2023, -2024.',
 ARRAY['corridor-gis-recipe','trilateral-statement-2020-11-10','wikipedia-artsvashen'],'schematic','2020-11-10','2021-05-11'),
('de-facto-2021','De facto line of contact after the May 2021 advance',
 'Reference line moved around the areas held since May 2021 (schematic)','reference','de facto',
 'As de-facto-2020, moved around the areas held by Azerbaijan since 12 May 2021 (41 km², shapes schematic). The Nov 2021 clashes changed no area (PM Pashinyan).',
 'Schematic. Nerkin Hand (spring 2022) has no coordinate and is not reflected.',
 ARRAY['corridor-gis-recipe','armenpress-1068454','newsam-643709','wikipedia-artsvashen'],'schematic','2021-05-12','2022-09-12'),
('de-facto-2022','De facto line of contact after 13–14 Sept 2022',
 'Reference line moved around the areas held since May 2021 and Sept 2022 (schematic)','reference','de facto',
 'As de-facto-2021, moved around the areas held by Azerbaijan since the fighting of 13–14 Sept 2022 (~140 km², shapes schematic).',
 'Schematic. Nerkin Hand (spring 2022) has no coordinate and is not reflected.',
 ARRAY['corridor-gis-recipe','panorama-2828343','facts-sept-2022-dates','armenpress-1068454','wikipedia-artsvashen'],'schematic','2022-09-13','2023-03-29'),
('de-facto-2023','De facto line of contact after the Tegh advance (30 Mar 2023)',
 'Reference line moved around the areas held since 2021–2023 (schematic)','reference','de facto',
 'As de-facto-2022, moved around the ~2.5 km² near Tegh held since 30 Mar 2023.',
 'Schematic. Until the 2024 Tavush–Gazakh handover (24 May 2024).',
 ARRAY['corridor-gis-recipe','azatutyun-32352347','panorama-2828343','armenpress-1068454','wikipedia-artsvashen'],'schematic','2023-03-30','2024-05-23'),
('reference-osm-2017','Reference line: Soviet-era administrative line as mapped in OpenStreetMap (2017)',
 'OpenStreetMap country polygons (2017), shared ARM–AZE edges','reference','reference',
 'The ARM–AZE shared edges of the OSM country polygons, incl. the Nakhchivan section and the exclave boundaries. One reference among candidate maps, not "the" border.',
 'Section limits are schematic (each part goes to the nearest of a set of named places). Karki is not a separate polygon in the OSM data.',
 ARRAY['osm-countries-2017','corridor-gis-recipe'],'approximate',NULL,NULL),
('tavush-gazakh-2024','Tavush–Gazakh sections preliminarily agreed by the commissions (19 Apr 2024)',
 'USSR General Staff topographic map of 1976 (in force from 1979)','joint commission','agreed',
 'Four sections near the village pairs Baghanis–Baghanis Ayrum, Voskepar–Ashaghi Askipara, Kirants–Kheyrimli, Berkaber–Ghizilhajili, preliminarily agreed on 19 Apr 2024 (8th meeting); line length 12.7 km (cited); border guards on duty from 24 May 2024; Azerbaijan says 6.5 km² came under its control.',
 'Geometry schematic: the reference line near Voskepar/Baghanis moved into Armenia so that the strip between the lines is 6.5 km². Kirants and Berkaber have no coordinates in places.csv, so the four sections are drawn as one.',
 ARRAY['armradio-2024-04-19','newsaz-map-basis','newsaz-2024-05-24','massispost-2024-07-08','corridor-gis-recipe'],'schematic','2024-05-24',NULL),
('de-facto-2024','De facto line of control after 2021–2023 and the 2024 Tavush–Gazakh handover',
 'Reference line moved around the held areas (schematic)','reference','de facto',
 'Boundary between the areas each state controls: the reference line moved around the areas held by Azerbaijan since 2021–2023 (schematic shapes), Artsvashen (since 1992), the 2024 Tavush–Gazakh strip, and around the Azerbaijani exclaves held by Armenia.',
 'Schematic. Does not reflect the ~70 km² in Tavush/Ararat (no location), Nerkin Hand (no coordinate) or Karki (not in OSM data). Azerbaijan denies occupying Armenian land.',
 ARRAY['corridor-gis-recipe','tass-1701331','armenpress-1068454','panorama-2828343','azatutyun-32352347','wikipedia-artsvashen','newsaz-2024-05-24'],'schematic','2024-05-24',NULL),
('arm-position-1975-maps','Armenian position: the latest Soviet General Staff maps (~1975)',
 'Soviet General Staff maps (~1975)','ARM','proposed',
 'Armenia proposes the latest Soviet General Staff maps (~1975) as the basis of delimitation. No lines are published with this position.',
 'Non-spatial: no geometry in the sources.', ARRAY['newsam-763777','azatutyun-32524311'],'schematic',NULL,NULL),
('aze-position-earlier-maps','Azerbaijani position: earlier maps / legally binding documents',
 'Earlier (ADR-era / Sovietization / early-20th-century) maps; legally binding documents','AZE','proposed',
 'President Aliyev (10 Jan 2024) rejects the 1975 maps and points to earlier maps; the Foreign Ministry says delimitation should rest on legally binding documents, not a chosen map. Armenian media describe this as referring to 1919–1920 maps (Armenian characterisation).',
 'Non-spatial: no geometry in the sources.', ARRAY['horizonweekly-aliyev-2024-01-10','commonspace-aze-mfa','newsam-723850'],'schematic','2024-01-10',NULL);

-- boundary lines
INSERT INTO corridor.boundary_lines (id, geom, map_id, section, agreed, note, sources, accuracy)
SELECT 'reference-osm-2017:' || trim(both '-' from regexp_replace(lower(s.section), '[^a-z0-9]+', '-', 'g')),
       ST_Multi(rp(s.g)), 'reference-osm-2017', s.section, false,
       'Shared edges of the OSM 2017 ARM and AZE polygons; section limits schematic.',
       ARRAY['osm-countries-2017','corridor-gis-recipe'], 'approximate'
  FROM sections((SELECT ST_Union(g) FROM ref_piece)) s;
INSERT INTO corridor.boundary_lines (id, geom, map_id, section, agreed, note, sources, accuracy, valid_from)
SELECT 'tavush-gazakh-2024:tavush-gazakh', new_line, 'tavush-gazakh-2024', 'Tavush–Gazakh', true,
       format('Preliminarily agreed (19 Apr 2024). Schematic: reference line near Voskepar/Baghanis (%s km taken along it, cited 12.7 km) moved into Armenia by the 6.5 km² strip; the drawn line (%s km) adds the two ends that join the old line. Armenian section lengths: Berkaber 1.9 km, Voskepar–Baghanis 4.9 km, Kirants 5.8 km (not located).', round(km(section_line)::numeric, 1), round(km(new_line)::numeric, 1)),
       ARRAY['armradio-2024-04-19','newsaz-2024-05-24','massispost-2024-07-08','corridor-gis-recipe'], 'schematic', '2024-05-24'
  FROM tavush;
INSERT INTO corridor.boundary_lines (id, geom, map_id, section, agreed, note, sources, accuracy, valid_from, valid_to)
SELECT d.map_id || ':' || trim(both '-' from regexp_replace(lower(s.section), '[^a-z0-9]+', '-', 'g')),
       ST_Multi(rp(s.g)), d.map_id, s.section, false,
       'Schematic de facto line (reference line moved around the areas held at the time).',
       ARRAY['corridor-gis-recipe','osm-countries-2017'], 'schematic', p.valid_from, p.valid_to
  FROM defacto d JOIN defacto_period p USING (map_id) CROSS JOIN LATERAL sections(d.g) s;

-- disputed areas
-- a share of a total (May 2021, the unlocated part of Sept 2022) is the area the shape is grown to, not a cited figure
INSERT INTO corridor.disputed_areas (id, geom, kind, name, place, claimed_by, controlled_by, since, since_precision, episode,
                                     cited_area_km2, target_km2, target_basis, cited_figure, note, sources, accuracy, valid_from)
SELECT h.id, h.g, d.kind, d.name, d.place, 'ARM', 'AZE', d.since::date, d.prec, d.episode,
       CASE WHEN d.id LIKE 'may-2021-%' OR (d.id LIKE 'sept-2022-%' AND d.id <> 'sept-2022-jermuk') THEN NULL ELSE round(d.cited::numeric, 3) END,
       round(d.cited::numeric, 3),
       CASE WHEN d.id LIKE 'may-2021-%' THEN 'even split: 41 km² (May 2021, PM Pashinyan) / 3 places with a coordinate'
            WHEN d.id LIKE 'sept-2022-%' AND d.id <> 'sept-2022-jermuk' THEN 'even split: (140 − 60.06) km² not located by the source (Sept 2022, Gen. Asryan) / 4 places'
            ELSE 'the cited figure' END,
       d.fig,
       d.note || format(' Grown from the reference-line point nearest %s (%s km away) into the Armenian polygon until the geodesic area matched.', d.place, round((dist_m(h.seed, pt(d.place)) / 1000)::numeric, 1)),
       d.src, 'schematic', d.since::date
  FROM held h JOIN (VALUES
   ('may-2021-sev-lich','held-since-2021','May 2021 advance: Sev Lich / toward Ishkhanasar','Sev Lich (Lake Sev)','2021-05-12','day','May 2021',41.0/3,
    '41 km² in all for May 2021 (PM Pashinyan, 17 Nov 2021; "more than 40–45 km²" on 24 Nov); one third here.',
    'Location schematic. The 41 km² total is split evenly among the three places in places.csv (Sev Lich incl. toward Ishkhanasar, Vardenis, Sisian); Kut has no coordinate.',
    ARRAY['armenpress-1068454','janes-may-2021','newsam-643709','panarmenian-292844','corridor-gis-recipe']),
   ('may-2021-vardenis','held-since-2021','May 2021 advance: Vardenis area','Vardenis','2021-05-12','day','May 2021',41.0/3,
    '41 km² in all for May 2021 (PM Pashinyan); one third here.',
    'Location schematic; even split of the 41 km² total (Kut, also named, has no coordinate).',
    ARRAY['armenpress-1068454','panarmenian-292844','corridor-gis-recipe']),
   ('may-2021-sisian','held-since-2021','May 2021 advance: Sisian area','Sisian','2021-05-12','day','May 2021',41.0/3,
    '41 km² in all for May 2021 (PM Pashinyan); one third here.',
    'Location schematic; even split of the 41 km² total. Seeded on the eastern reference line (not the Nakhchivan section).',
    ARRAY['armenpress-1068454','panarmenian-292844','corridor-gis-recipe']),
   ('sept-2022-jermuk','held-since-2022','Sept 2022: near Jermuk','Jermuk','2022-09-13','day','13–14 Sept 2022',60.06,
    '60.06 km² near Jermuk, up to 7.5 km deep, of ~139–140 km² in all (Gen. Asryan).',
    'Shape schematic; figure as cited.', ARRAY['panorama-2828343','facts-sept-2022-dates','corridor-gis-recipe']),
   ('sept-2022-sotk','held-since-2022','Sept 2022: Sotk area (share of the remainder)','Sotk','2022-09-13','day','13–14 Sept 2022',(140-60.06)/4,
    '~139–140 km² in all for Sept 2022, of which 60.06 km² near Jermuk (Gen. Asryan); the remaining 79.94 km² (of 140) are not located by the source.',
    'Location schematic: the unlocated 79.94 km² are split evenly among the four Armenian places in places.csv where shelling was reported (Sotk, Vardenis, Goris, Kapan).',
    ARRAY['panorama-2828343','facts-sept-2022-dates','corridor-gis-recipe']),
   ('sept-2022-vardenis','held-since-2022','Sept 2022: Vardenis area (share of the remainder)','Vardenis','2022-09-13','day','13–14 Sept 2022',(140-60.06)/4,
    '~139–140 km² in all for Sept 2022 (Gen. Asryan); 79.94 km² not located by the source.',
    'Location schematic: even split of the unlocated remainder among Sotk, Vardenis, Goris, Kapan.', ARRAY['panorama-2828343','facts-sept-2022-dates','corridor-gis-recipe']),
   ('sept-2022-goris','held-since-2022','Sept 2022: Goris area (share of the remainder)','Goris','2022-09-13','day','13–14 Sept 2022',(140-60.06)/4,
    '~139–140 km² in all for Sept 2022 (Gen. Asryan); 79.94 km² not located by the source.',
    'Location schematic: even split of the unlocated remainder among Sotk, Vardenis, Goris, Kapan.', ARRAY['panorama-2828343','facts-sept-2022-dates','corridor-gis-recipe']),
   ('sept-2022-kapan','held-since-2022','Sept 2022: Kapan area (share of the remainder)','Kapan','2022-09-13','day','13–14 Sept 2022',(140-60.06)/4,
    '~139–140 km² in all for Sept 2022 (Gen. Asryan); 79.94 km² not located by the source.',
    'Location schematic: even split of the unlocated remainder among Sotk, Vardenis, Goris, Kapan.', ARRAY['panorama-2828343','facts-sept-2022-dates','corridor-gis-recipe']),
   ('mar-2023-tegh','held-since-2023','March 2023: Tegh','Tegh','2023-03-30','day','30 Mar 2023',2.5,
    'Up to 300 m at five points; ~2.5 km² (Azatutyun; CivilNet).', 'Shape schematic (one shape instead of five points).',
    ARRAY['azatutyun-32352347','corridor-gis-recipe'])
  ) AS d(id, kind, name, place, since, prec, episode, cited, fig, note, src) ON d.id = h.id;

INSERT INTO corridor.disputed_areas (id, geom, kind, name, place, claimed_by, controlled_by, since, since_precision, episode,
                                     cited_area_km2, cited_figure, note, sources, accuracy, valid_from) VALUES
('nerkin-hand-2022', NULL, 'held-since-2022', 'Nerkin Hand', NULL, 'ARM', 'AZE', '2022-03-01', 'season', 'spring 2022', NULL,
 '~600 m inside the Soviet line, spring 2022 (CivilNet).', 'No area figure and no coordinate in places.csv: kept without geometry. since = start of spring 2022 (season precision).',
 ARRAY['civilnet-656133'], 'schematic', '2022-03-01'),
('artsvashen', (SELECT mpoly(rp(part_at('ARM', pt('Artsvashen'))))), 'held-since-1990s', 'Artsvashen (Armenian exclave)', 'Artsvashen', 'ARM', 'AZE', '1992-08-01', 'month', 'Aug 1992', 40,
 '40 km² (Wikipedia); ~44 km² (cartographer R. Galchyan, radar.am 2023-10-21); ~50 km² (travel site).',
 'Polygon = the Artsvashen exclave of the OSM 2017 data (not grown); compared with the Wikipedia figure.',
 ARRAY['wikipedia-artsvashen','radar-2023-10-21','travel-site-artsvashen','osm-countries-2017'], 'approximate', '1992-08-01'),
('tavush-ararat-1990s', NULL, 'held-since-1990s', 'Areas in Tavush and Ararat held since the 1990s', NULL, 'ARM', 'AZE', NULL, NULL, '1990s', 70,
 'Over 70 km² in Tavush and Ararat provinces (PM Pashinyan, 10 Jan 2023).', 'No locations given by the source: cited figure without a polygon.',
 ARRAY['newsam-738800'], 'schematic', NULL),
('yukhari-askipara', (SELECT mpoly(rp(g)) FROM aze_exclave_part ORDER BY ST_Distance(g, pt('Yukhari Askipara')) LIMIT 1), 'exclave', 'Yukhari Askipara (Azerbaijani exclave)', 'Yukhari Askipara', 'AZE', 'ARM', NULL, NULL, 'early 1990s', NULL,
 '26 km² (rcsp.am 6985); 2,650 ha (cartographer, Mirror-Spectator 2021-12-13); the older 37 km² figure includes Ashaghi Askipara.',
 'Polygon = the OSM 2017 exclave polygon; its area lies between the cited figures (it may include part of Ashaghi Askipara: uncertain), so no single cited figure is attached.',
 ARRAY['rcsp-6985','mirrorspectator-2021-12-13','osm-countries-2017'], 'approximate', NULL),
('barkhudarly', (SELECT mpoly(rp(g)) FROM aze_exclave_part ORDER BY ST_Distance(g, pt('Barkhudarly')) LIMIT 1), 'exclave', 'Barkhudarly (Azerbaijani exclave)', 'Barkhudarly', 'AZE', 'ARM', NULL, NULL, 'early 1990s', 10.1,
 'Barkhudarly village alone 10.1 km² (ru-wiki); Sofulu–Barkhudarly 22 km² together (en-wiki; rcsp.am 6569).',
 'Polygon = the OSM 2017 exclave polygon; Sofulu is not a separate polygon in the OSM data (see row sofulu).',
 ARRAY['wikipedia-ru-barkhudarly','wikipedia-en-sofulu-barkhudarly','rcsp-6569','osm-countries-2017'], 'approximate', NULL),
('sofulu', NULL, 'exclave', 'Sofulu (part of the Sofulu–Barkhudarly exclave)', NULL, 'AZE', 'ARM', NULL, NULL, 'early 1990s', NULL,
 'Sofulu–Barkhudarly, one exclave of 22 km² together (en-wiki; rcsp.am 6569).', 'Not in the OSM data and no coordinate in places.csv: no polygon.',
 ARRAY['wikipedia-en-sofulu-barkhudarly','rcsp-6569'], 'schematic', NULL),
('karki', (SELECT g FROM karki), 'exclave', 'Karki / Tigranashen (Azerbaijani exclave)', 'Karki (Tigranashen)', 'AZE', 'ARM', NULL, NULL, 'early 1990s', 19,
 '19 km² (Wikipedia).', 'Not a separate polygon in the OSM data: schematic disc of the cited area around the places.csv point (inside the ARM polygon).',
 ARRAY['wikipedia-karki','places-csv','corridor-gis-recipe'], 'schematic', NULL),
('tavush-gazakh-2024', (SELECT transfer FROM tavush), 'transferred-2024', 'Tavush–Gazakh sections handed over (2024)', 'Voskepar', 'AZE', 'AZE', '2024-05-24', 'day', '19 Apr 2024 agreement; border guards from 24 May 2024', 6.5,
 '6.5 km² came under Azerbaijani control (news.az, 24 May 2024, Azerbaijani figure); 12.7 km of line.',
 'Agreed by both commissions (claimed_by = the state both now recognise). Strip of the OSM ARM polygon along 12.7 km of the reference line near Voskepar/Baghanis, sized to 6.5 km²: schematic.',
 ARRAY['newsaz-2024-05-24','armradio-2024-04-19','massispost-2024-07-08','corridor-gis-recipe'], 'schematic', '2024-05-24');

UPDATE corridor.disputed_areas SET target_km2 = cited_area_km2, target_basis = 'the cited figure'
 WHERE id IN ('karki', 'tavush-gazakh-2024');
