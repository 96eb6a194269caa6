-- 50_routes.sql: routes, checkpoints, control regimes, scenarios (scenario assignments need route segments)
\set ON_ERROR_STOP on
SET search_path = recipe, public;

INSERT INTO corridor.checkpoints (id, geom, name, states, kind, status, operating_states, place, note, sources, accuracy, valid_from)
SELECT c.id, g.g, c.name, c.states, c.kind, c.status, c.ops, c.place, c.note, c.src, 'schematic', c.vf::date
  FROM cp_geom g JOIN (VALUES
 ('agarak-nurduz','Agarak–Nurduz',ARRAY['ARM','IRN'],'border crossing','operating',ARRAY['ARM','IRN'],'Agarak','Armenia''s only land crossing with Iran. Point: ARM–IRN boundary nearest Agarak.',ARRAY['crossings-facts','places-csv'],NULL),
 ('bagratashen-sadakhlo','Bagratashen–Sadakhlo',ARRAY['ARM','GEO'],'border crossing','operating',ARRAY['ARM','GEO'],'Bagratashen; Sadakhlo','The busiest ARM–GEO crossing. Point: ARM–GEO boundary nearest the midpoint of the two places.',ARRAY['crossings-facts','places-csv'],NULL),
 ('margara','Margara',ARRAY['ARM','TUR'],'border crossing','not open to regular traffic',ARRAY['ARM'],'Margara','Staffed by Armenian border guards since 1 Mar 2025; not open to regular traffic. Proposed road checkpoint in Crossroads of Peace.',ARRAY['crossings-facts','crossroads-checkpoint-list','places-csv'],'2025-03-01'),
 ('bilasuvar-bileh-savar','Bilasuvar–Bileh Savar',ARRAY['AZE','IRN'],'border crossing','operating',ARRAY['AZE','IRN'],'Bileh Savar','Used by Baku–Nakhchivan buses via Iran. Point: AZE–IRN boundary nearest Bileh Savar (Bilasuvar town is ~17 km away).',ARRAY['trend-2211672','todayaz-200347','places-csv'],NULL),
 ('astara-astara','Astara–Astara',ARRAY['AZE','IRN'],'border crossing','operating',ARRAY['AZE','IRN'],'Astara','The coastal AZE–IRN crossing. Point: AZE–IRN boundary nearest Astara.',ARRAY['crossings-facts','places-csv'],NULL),
 ('julfa-jolfa','Julfa–Jolfa',ARRAY['AZE','IRN'],'border crossing','operating',ARRAY['AZE','IRN'],'Julfa (Culfa); Jolfa','Re-entry into Nakhchivan used by buses via Iran and planned for the Aras corridor (exact routing uncertain).',ARRAY['trend-2211672','vestikavkaza-164365','places-csv'],NULL),
 ('shahtakhti-poldasht','Shahtakhti–Poldasht',ARRAY['AZE','IRN'],'border crossing','operating',ARRAY['AZE','IRN'],'Shahtakhti; Poldasht','Alternative re-entry into Nakhchivan (exact routing uncertain). Point: midpoint of the two places.',ARRAY['trend-2211672','places-csv'],NULL),
 ('sadarak-dilucu','Sadarak–Dilucu',ARRAY['AZE','TUR'],'border crossing','unknown',ARRAY[]::text[],'Sadarak','The Kars–Iğdır–Dilucu railway (under construction) enters Nakhchivan here. Point: AZE–TUR boundary nearest the Sadarak district point, which is coarse and ~8.6 km away; Dilucu has no point in places.csv. Status not in the fact sheet.',ARRAY['kars-dilucu-2025','places-csv','corridor-gis-recipe'],NULL),
 ('yeraskh','Yeraskh',ARRAY['ARM','AZE'],'border crossing','proposed',ARRAY[]::text[],'Yeraskh','Proposed road and rail checkpoint (Crossroads of Peace; 2021 draft); Yeraskh–Sadarak link studied Jan 2026.',ARRAY['crossroads-checkpoint-list','hetq-147450','finport-55290','places-csv'],NULL),
 ('aghband-kalaleh-bridge','Aghband–Kalaleh bridge',ARRAY['AZE','IRN'],'bridge','built, not open',ARRAY[]::text[],'Aghband','Road bridge over the Aras; foundation 6 Oct 2023; reported complete 23 Feb 2026; opens when border and customs posts are finished. Kalaleh has no point in places.csv.',ARRAY['reportaz-aras-bridge','interfax-77824','places-csv'],'2026-02-23'),
 ('nrnadzor-post','Nrnadzor post (east end of the Armenian rail section)',ARRAY['ARM','AZE'],'border crossing','proposed',ARRAY[]::text[],'Nrnadzor','Rail checkpoint near Nrnadzor proposed in Crossroads of Peace (secondary source, uncertain). Point: on the Meghri route, nearest Nrnadzor.',ARRAY['crossroads-checkpoint-list','places-csv','corridor-gis-recipe'],NULL),
 ('agarak-post','Agarak post (west end of the Armenian rail section)',ARRAY['ARM','AZE'],'border crossing','proposed',ARRAY[]::text[],'Agarak','Rail checkpoint near Agarak proposed in Crossroads of Peace (secondary source, uncertain). Point: on the Meghri route, nearest Agarak.',ARRAY['crossroads-checkpoint-list','places-csv','corridor-gis-recipe'],NULL),
 ('sotk','Sotk (proposed)',ARRAY['ARM','AZE'],'border crossing','proposed',ARRAY[]::text[],'Sotk','Proposed road checkpoint (Crossroads of Peace; 2021 draft). Uncertain (secondary source). Point: the place itself (boundary > 2 km away).',ARRAY['crossroads-checkpoint-list','hetq-147450','places-csv'],NULL),
 ('angeghakot','Near Angeghakot (proposed)',ARRAY['ARM','AZE'],'border crossing','proposed',ARRAY[]::text[],'Angeghakot','Proposed road checkpoint near Angeghakot (Crossroads of Peace; secondary source, uncertain). Point: the place itself.',ARRAY['crossroads-checkpoint-list','places-csv'],NULL),
 ('aze-geo-rail-crossing','Azerbaijan–Georgia rail crossing (near Gazakh)',ARRAY['AZE','GEO'],'border crossing','operating',ARRAY['AZE','GEO'],NULL,'Where the rail transit to Armenia via Azerbaijan and Georgia (since Nov 2025) leaves Azerbaijan. The crossing''s name and position are not in the fact sheet. Point: AZE–GEO boundary nearest Gazakh (schematic).',ARRAY['rferl-transit-2025','kazpravda-transit-2025','places-csv','corridor-gis-recipe'],NULL)
,
 ('ijevan-gazakh-rail-crossing','Ijevan–Gazakh railway crossing (closed)',ARRAY['ARM','AZE'],'border crossing','closed',ARRAY[]::text[],NULL,'Where the disused Ijevan–Gazakh railway crosses the ARM–AZE line: no crossing in use (the line is disused). Point: where the schematic route meets the reference line.',ARRAY['rferl-transit-2025','corridor-gis-recipe'],NULL),
 ('lachin-corridor-crossing','Lachin corridor at the ARM–AZE line (Kornidzor; Hakari bridge checkpoint 2023)',ARRAY['ARM','AZE'],'border crossing','closed',ARRAY[]::text[],NULL,
  'Where the Lachin corridor left Armenia, 10 Nov 2020 – Sept 2023 (valid_to: the end of that month; the day is not in the fact sheet). Under Russian peacekeepers (2020 statement, point 6); blockade from 12 Dec 2022 (Azerbaijan: the protesters did not impede civilian traffic); Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023 (Azerbaijan: passport control with the peacekeepers; Armenia: a violation of the 2020 statement); closed after the offensive of 19–20 Sept 2023. Who controlled what on each date: scenario observed. Point: where the schematic route meets the reference line (the Hakari bridge has no cited coordinate).',
  ARRAY['trilateral-statement-2020-11-10','lachin-2022-2023','newsam-734934','mirrorspectator-2023-04-27','civilnet-698302','places-csv','corridor-gis-recipe'],'2020-11-10')
 ) AS c(id, name, states, kind, status, ops, place, note, src, vf) ON c.id = g.id;
-- the Lachin corridor ended with its closure in Sept 2023
UPDATE corridor.checkpoints SET valid_to = DATE '2023-09-30' WHERE id = 'lachin-corridor-crossing';

INSERT INTO corridor.routes (id, geom, name, origin, destination, via, mode, status, proposed_by, checkpoints, cited_lengths, note, sources, accuracy, valid_from)
SELECT r.id, g.g, r.name, r.o, r.d, r.via, r.mode, r.status, r.pb, r.cps, r.cited::jsonb, r.note, r.src, 'schematic', r.vf::date
  FROM route_geom g JOIN (VALUES
 ('baku-nakhchivan-via-meghri','Baku–Nakhchivan via Meghri (Soviet Horadiz–Meghri–Ordubad–Julfa railway)','Baku','Nakhchivan',ARRAY['ARM'],'rail','disused',NULL,
  ARRAY['nrnadzor-post','agarak-post'],
  '{"yeraskh_horadiz_km":{"value":340,"by":"arka.am; ictimaixeber.az"},"inside_armenia_km":{"value":"43–45","by":"both governments (arka.am; ictimaixeber.az; vestikavkaza 165787)"}}',
  'Baku–Horadiz straight (schematic, kept out of Iran); Horadiz–Julfa along the north bank of the Aras (boundary with Iran offset 300 m); Julfa–Nakhchivan straight. TRIPP (announced 8 Aug 2025) and Azerbaijan''s rebuilding follow this alignment.',
  ARRAY['arka-meghri-length','ictimaixeber-meghri-length','vestikavkaza-165787','trend-4126523','corridor-gis-recipe'],NULL),
 ('baku-nakhchivan-via-aras-corridor-iran','Baku–Nakhchivan via the Aras corridor in Iran (Horadiz–Aghband–Kalaleh–Jolfa)','Baku','Nakhchivan',ARRAY['IRN'],'road','under construction','AZE, IRN (memorandum March 2022)',
  ARRAY['aghband-kalaleh-bridge','julfa-jolfa'],
  '{"horadiz_aghband_km":{"value":112,"by":"report.az"},"through_iran_km":[{"value":55,"by":"March 2022 memorandum (interfax 77824)"},{"value":107,"by":"Iranian officials, Kalaleh–Jolfa (mehrnews 215686; trend 4094087)"}]}',
  'Horadiz–Aghband on the north bank (offset 300 m), bridge to the Iranian bank, along the south bank (offset 300 m into Iran) to Jolfa, bridge to Julfa. Bridge complete Feb 2026; opening date not found.',
  ARRAY['reportaz-aras-bridge','vestikavkaza-164365','amtehran-aras','interfax-77824','mehrnews-215686','trend-4094087','corridor-gis-recipe'],NULL),
 ('horadiz-aghband-road','Horadiz–Aghband highway (Aras corridor, Azerbaijani part)','Horadiz','Aghband',ARRAY[]::text[],'road','under construction','AZE',
  ARRAY[]::text[], '{"length_km":{"value":112,"by":"report.az"},"railway_km":{"value":110.4,"by":"Trend"}}',
  'Along the north bank of the Aras (boundary with Iran offset 300 m). Construction status uncertain beyond the bridge report.',
  ARRAY['reportaz-aras-bridge','trend-horadiz-aghband-rail','corridor-gis-recipe'],NULL),
 ('baku-nakhchivan-via-iran-historic-road','Baku–Nakhchivan via Iran, historic road (Bilasuvar–Bileh Savar … Jolfa–Julfa)','Baku','Nakhchivan',ARRAY['IRN'],'road','operating',NULL,
  ARRAY['bilasuvar-bileh-savar','julfa-jolfa'], '{"bus_hours":{"value":"~12 h, ~8 h by 2019","by":"today.az 200347"},"journey_hours":{"min":8,"max":12,"by":"today.az 200347 (bus: ~12 h with four customs checkpoints, ~8 h by 2019)"}}',
  'Exact routing uncertain (Julfa–Jolfa or Shahtakhti–Poldasht); drawn along the Iranian side of the border (offset 300 m).',
  ARRAY['todayaz-200347','trend-2211672','corridor-gis-recipe'],NULL),
 ('yerevan-meghri-rail-via-nakhchivan','Yerevan–Meghri by rail via Nakhchivan (Yeraskh–Sadarak … Ordubad–Meghri)','Yerevan','Meghri',ARRAY['AZE'],'rail','proposed','ARM',
  ARRAY['yeraskh','agarak-post'], NULL,
  'Armenian traffic through Azerbaijan (Nakhchivan). Yeraskh–Sadarak link studied Jan 2026; Crossroads of Peace rail checkpoints at Yeraskh and near Agarak.',
  ARRAY['finport-55290','crossroads-checkpoint-list','corridor-gis-recipe'],NULL),
 ('yerevan-iran-rail-via-nakhchivan','Yerevan–Iran (Jolfa) by rail via Nakhchivan','Yerevan','Jolfa',ARRAY['AZE'],'rail','proposed','IRN',
  ARRAY['yeraskh','julfa-jolfa'], NULL,
  'Iran''s railways sought an Iran→Nakhchivan→Armenia rail route (report.az 2025-11-26).',
  ARRAY['reportaz-2025-11-26','finport-55290','corridor-gis-recipe'],NULL),
 ('agarak-nurduz-road','Agarak–Nurduz road (Kapan–Meghri–Agarak, Armenia''s road to Iran)','Kapan','Nurduz (Iran)',ARRAY[]::text[],'road','operating',NULL,
  ARRAY['agarak-nurduz'], '{"meghri_from_kapan_km":{"value":73,"by":"fact sheet (Distances)"},"meghri_from_yerevan_km":{"value":376,"by":"fact sheet (Distances)"}}',
  'Armenia''s only land crossing with Iran is Agarak–Nurduz; the Soviet Meghri railway (and TRIPP) crosses this road. Schematic: straight legs Kapan → Meghri → Agarak → the ARM–IRN boundary point nearest Agarak (the real road follows the valleys).',
  ARRAY['crossings-facts','places-csv','corridor-gis-recipe'],NULL),
 ('horadiz-aghband-rail','Horadiz–Aghband railway (Aras corridor, Azerbaijani part)','Horadiz','Aghband',ARRAY[]::text[],'rail','announced','AZE',
  ARRAY[]::text[], '{"length_km":{"value":110.4,"by":"Trend"}}',
  'Parallel to the Horadiz–Aghband highway (two of the four Aras bridges are for rail, Interfax); drawn on the highway''s schematic line. Construction status not in the fact sheet (uncertain).',
  ARRAY['trend-horadiz-aghband-rail','interfax-77824','corridor-gis-recipe'],NULL),
 ('baku-yerevan-rail-via-azerbaijan-georgia','Armenia''s rail transit via Azerbaijan and Georgia (Baku–Gazakh–Sadakhlo–Bagratashen–Yerevan)','Baku','Yerevan',ARRAY['AZE','GEO'],'rail','operating',NULL,
  ARRAY['aze-geo-rail-crossing','bagratashen-sadakhlo'], '{"first_cargo":{"value":"~1,000 t of Kazakh wheat, arrived 8 Nov 2025","by":"RFE/RL; Kazakhstanskaya Pravda"},"later_train":{"value":"1,023 t, 21 Feb 2026","by":"Vestnik Kavkaza"}}',
  'In use since Nov 2025 (Azerbaijan lifted its ban on transit to Armenia on 21 Oct 2025). Schematic: straight lines between the places of places.csv (Baku, Gazakh, the AZE–GEO boundary nearest Gazakh, Sadakhlo, Bagratashen, Yerevan); the real line runs through stations (e.g. in Georgia) that have no coordinate in the fact sheet.',
  ARRAY['rferl-transit-2025','kazpravda-transit-2025','vestikavkaza-train-2026-02-21','places-csv','corridor-gis-recipe'],NULL),
 ('yerevan-georgia-rail-via-ijevan-gazakh','Armenia–Georgia/Russia rail via Ijevan–Gazakh','Yerevan','Georgia (AZE–GEO border)',ARRAY['AZE'],'rail','disused',NULL,
  ARRAY['ijevan-gazakh-rail-crossing','aze-geo-rail-crossing'], NULL,
  'Status not stated in the fact sheet (uncertain). Armenian transit through Azerbaijan allowed since 21 Oct 2025 (rail, via Azerbaijan and Georgia, see baku-yerevan-rail-via-azerbaijan-georgia).',
  ARRAY['rferl-transit-2025','kazpravda-transit-2025','corridor-gis-recipe'],NULL),
 ('yerevan-georgia-rail-via-bagratashen-sadakhlo','Armenia–Georgia/Russia rail via Bagratashen–Sadakhlo','Yerevan','Sadakhlo',ARRAY[]::text[],'rail','operating',NULL,
  ARRAY['bagratashen-sadakhlo'], NULL,
  'Bagratashen–Sadakhlo is the busiest ARM–GEO crossing. Straight schematic line.',
  ARRAY['crossings-facts','rferl-transit-2025','corridor-gis-recipe'],NULL),
 ('kars-igdir-dilucu-nakhchivan-rail','Kars–Iğdır–Dilucu–Nakhchivan railway','Kars','Nakhchivan',ARRAY[]::text[],'rail','under construction','TUR, AZE',
  ARRAY['sadarak-dilucu'], '{"kars_dilucu_km":{"value":223.6,"by":"fact sheet"}}',
  'Ground broken 22 Aug 2025, ~5 years. Schematic: kept 1 km outside Armenia.',
  ARRAY['kars-dilucu-2025','corridor-gis-recipe'],'2025-08-22'),
 ('goris-khankendi-lachin-corridor','Lachin corridor (Goris–Kornidzor–Lachin/Berdzor–Shusha/Shushi–Khankendi/Stepanakert), 2020–2023','Goris','Khankendi/Stepanakert',ARRAY[]::text[],'road','operating',NULL,
  ARRAY['lachin-corridor-crossing'], NULL,
  'The road link between Armenia and the Karabakh Armenian population as it was from the 10 Nov 2020 statement (point 6: the corridor, 5 km wide, under Russian peacekeepers) until its closure after the offensive of 19–20 Sept 2023 (valid_to: 30 Sept 2023, the end of that month; the day is not in the fact sheet). Blockade from 12 Dec 2022; Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023. ''operating'' describes the road while the record is valid; what was in force on each date is in the scenario observed. Schematic: straight legs between places with cited coordinates (Goris, Kornidzor, Lachin/Berdzor, Shusha/Shushi, Khankendi/Stepanakert); the real road follows the valleys.',
  ARRAY['trilateral-statement-2020-11-10','lachin-2022-2023','newsam-734934','places-csv','corridor-gis-recipe'],'2020-11-10')
 ) AS r(id, name, o, d, via, mode, status, pb, cps, cited, note, src, vf) ON r.id = g.id;
UPDATE corridor.routes SET valid_to = DATE '2023-09-30' WHERE id = 'goris-khankendi-lachin-corridor';

-- order each route's checkpoints along the route
UPDATE corridor.routes r SET checkpoints = coalesce((
  SELECT array_agg(c.id ORDER BY ST_LineLocatePoint(r.geom, c.geom)) FROM corridor.checkpoints c WHERE c.id = ANY (r.checkpoints)), '{}');

INSERT INTO corridor.control_regimes (id, code, name, passport_control, customs_control, border_control, operator, guarantors, proposed_by, description, note, sources, accuracy, valid_from)
SELECT id, code, name, passport_control, customs_control, border_control, operator, guarantors, proposed_by, description, note, sources,
       coalesce(accuracy, 'approximate'), valid_from::date   -- regimes paraphrase published positions
  FROM (VALUES
('national','NATIONAL','Full national control by the state crossed (Crossroads of Peace)',true,true,true,'national',NULL,'ARM',
 'Infrastructure under the sovereignty and jurisdiction of the state it crosses; each state runs its own border, customs and security control on reciprocity, possibly simplified (Armenian government, 26 Oct 2023; PM Pashinyan Aug 2025: a border has border guards and customs).',
 'Procedures may be simplified.', ARRAY['1lurer-crossroads-2023','armradio-2023-11-18','1lurer-2025-08-18'], NULL, '2023-10-26'),
('uninspected-transit','UNINSPECTED','No inspection or customs for Azerbaijan-to-Azerbaijan traffic (Aliyev, Jan 2024)',false,false,NULL,NULL,ARRAY[]::text[],'AZE',
 'Cargo, citizens and vehicles going from Azerbaijan to Azerbaijan pass without inspection or customs clearance; no guarantors (President Aliyev, 10 Jan 2024). Dec 2021: should work like the Lachin corridor.',
 'Border control and operator not specified by the source (NULL).', ARRAY['vestikavkaza-165787','turan-aliyev-2024-01'], NULL, '2024-01-10'),
('russian-border-guards','FSB-OVERSIGHT','Russian border-guard oversight of the western Azerbaijan–Nakhchivan link (10 Nov 2020 statement, point 9)',NULL,NULL,true,'third party',ARRAY['ARM'],'ARM, AZE, RUS (trilateral statement)',
 'Point 9 of the 10 Nov 2020 statement: all economic and transport links in the region are unblocked; Armenia guarantees the security of the links between western Azerbaijan and Nakhchivan for unobstructed movement of persons, vehicles and cargo both ways; the FSB Border Guard Service of Russia oversees ("controls") the transport communication.',
 'Passport and customs arrangements are not named by the statement (NULL). Guarantor of security: Armenia; oversight: Russia''s border guards (overseen_by).', ARRAY['trilateral-statement-2020-11-10'], NULL, '2020-11-10'),
('links-unblocked','ART9-UNBLOCKED','Links unblocked (10 Nov 2020 statement, point 9)',NULL,NULL,NULL,NULL,NULL,'ARM, AZE, RUS (trilateral statement)',
 'Point 9 of the 10 Nov 2020 statement: all economic and transport links in the region are to be unblocked. No control regime is named for links other than the western Azerbaijan–Nakhchivan one.',
 'Controls, operator and guarantors not specified (NULL).', ARRAY['trilateral-statement-2020-11-10'], NULL, '2020-11-10'),
('tripp','TRIPP','TRIPP Implementation Framework (Jan 2026)',true,true,true,'national',NULL,'ARM, USA',
 'Armenia keeps sovereignty, border control, customs and taxation; TRIPP Development Company 74% US / 26% Armenia, development rights 49 years (+50, Armenian share rising to 49%); joint Armenia–US steering committee for reserved matters.',
 'Guarantors not specified (NULL). Passport control read as part of Armenian border control.', ARRAY['1lurer-tripp-2026','vestikavkaza-180037'], NULL, '2026-01-13'),
('international-transit','INTL-TRANSIT','Ordinary international transit (e.g. via Iran)',true,true,true,'national',NULL,NULL,
 'Each state applies its ordinary border, passport and customs control at its crossings (e.g. Baku–Nakhchivan via Iran, four customs checkpoints).',
 NULL, ARRAY['todayaz-200347','trend-2211672'], NULL, NULL),
('domestic','DOMESTIC','Domestic traffic (no border crossed)',false,false,false,'national',NULL,NULL,
 'Segment inside the state of origin/destination of the traffic; no border formalities.',
 'Technical regime for segments that are not transit.', ARRAY['corridor-gis-recipe'], NULL, NULL),
('closed','CLOSED','Closed',NULL,NULL,NULL,'none',NULL,NULL,
 'No traffic: closed, not built, or not open to regular traffic.', NULL, ARRAY['corridor-gis-recipe'], NULL, NULL),
('russian-peacekeepers','RUS-PEACEKEEPERS','Lachin corridor under Russian peacekeepers (10 Nov 2020 statement, point 6)',NULL,NULL,NULL,'third party',NULL,'ARM, AZE, RUS (trilateral statement)',
 'Point 6 of the 10 Nov 2020 statement: the Lachin corridor (5 km wide) under Russian peacekeepers. No passport, customs or border control is named.',
 'Controls not specified by the statement (NULL); overseen by Russia''s peacekeepers (overseen_by).', ARRAY['trilateral-statement-2020-11-10'], NULL, '2020-11-10'),
('azerbaijani-checkpoint-lachin','AZE-CHECKPOINT','Azerbaijani checkpoint at the Hakari bridge, Lachin corridor (from 23 Apr 2023)',true,NULL,true,'national',NULL,'AZE',
 'Azerbaijani border guards set up a checkpoint at the Hakari bridge, close to the border with Armenia, on 23 Apr 2023; Baku announced passport control in cooperation with the Russian peacekeepers. Armenia called it a gross violation of the 10 Nov 2020 statement. Both as reported, not judged.',
 'Customs control not stated (NULL).', ARRAY['lachin-2022-2023','mirrorspectator-2023-04-27','civilnet-698302'], NULL, '2023-04-23')
  ) AS v(id, code, name, passport_control, customs_control, border_control, operator, guarantors, proposed_by, description, note, sources, accuracy, valid_from);

UPDATE corridor.control_regimes SET overseen_by = ARRAY['RUS'] WHERE id IN ('russian-border-guards','russian-peacekeepers');
