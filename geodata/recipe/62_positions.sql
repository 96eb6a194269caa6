-- 62_positions.sql: what each party wants, by topic, attributed; the regimes and scenarios that encode them.
-- Positions are paraphrased from the fact sheet; each cites the sources it rests on. Geometry: the Meghri route
-- for positions about the route through Syunik, none otherwise.
\set ON_ERROR_STOP on
SET search_path = recipe, public;

CREATE TABLE position_def (id text, party text, stated_by text, topic text, pos text, d date, prec text,
                           on_route boolean, src text[], note text);
INSERT INTO position_def VALUES
('aze-framework-treaty','AZE','Government of Azerbaijan (as analysed by B. Poghosyan, APRI Armenia)','treaty form',
 'A short framework peace treaty, without maps or communications.','2024-01-01','month',false,ARRAY['apri-poghosyan-2024-01'],'From the seed analysis (Jan 2024).'),
('arm-comprehensive-treaty','ARM','Government of Armenia (as analysed by B. Poghosyan, APRI Armenia)','treaty form',
 'A comprehensive treaty with agreed maps and communications.','2024-01-01','month',false,ARRAY['apri-poghosyan-2024-01'],'From the seed analysis (Jan 2024).'),
('arm-map-basis-1975','ARM','Government of Armenia','map basis',
 'Delimitation on the latest Soviet General Staff maps (~1975).',NULL,NULL,false,ARRAY['newsam-763777','azatutyun-32524311'],NULL),
('aze-map-basis-earlier-maps','AZE','President Aliyev','map basis',
 'Rejects the 1975 maps; points to earlier (ADR-era / Sovietization / early-20th-century) maps.','2024-01-10','day',false,ARRAY['horizonweekly-aliyev-2024-01-10'],'Armenian media characterise this as referring to 1919–1920 maps (news.am 723850, Armenian characterisation).'),
('aze-binding-documents','AZE','Ministry of Foreign Affairs of Azerbaijan','map basis',
 'Delimitation should rest on legally binding documents, not on a chosen map.',NULL,NULL,false,ARRAY['commonspace-aze-mfa'],NULL),
('joint-alma-ata-basis','joint','Leaders of Armenia and Azerbaijan (Prague, with the EU); the commissions (regulations of 30 Aug 2024)','map basis',
 'Mutual recognition of territorial integrity on the basis of the 1991 Alma-Ata Declaration; the commissions delimit per Alma-Ata "unless agreed otherwise"; no maps named.','2022-10-06','day',false,
 ARRAY['eu-prague-2022-10-06','trtworld-regulations-2024','massispost-2024-08','armradio-2024-04-19'],'Armenia cited 29,800 km², Azerbaijan 86,600 km² (Prague).'),
('arm-syunik-controls','ARM','Government of Armenia (Crossroads of Peace; PM Pashinyan)','controls on the route through Syunik',
 'Armenian border, passport and customs control on the route through Syunik, under Armenian sovereignty and jurisdiction; procedures may be simplified, on reciprocity.','2023-10-26','day',true,
 ARRAY['1lurer-crossroads-2023','1lurer-2025-08-18','apri-poghosyan-2024-01'],NULL),
('aze-syunik-no-controls','AZE','President Aliyev','controls on the route through Syunik',
 'Cargo, citizens and vehicles going from Azerbaijan to Azerbaijan pass without border, passport or customs control.','2024-01-10','day',true,
 ARRAY['vestikavkaza-165787','turan-aliyev-2024-01','apri-poghosyan-2024-01'],'Dec 2021: should work like the Lachin corridor.'),
('aze-otherwise-closed','AZE','President Aliyev','communications',
 'Otherwise no communications with Armenia.','2024-01-10','day',false,ARRAY['vestikavkaza-165787','apri-poghosyan-2024-01'],'Azerbaijan lifted its ban on transit to Armenia on 21 Oct 2025.'),
('arm-guarantors-dispute-mechanism','ARM','Government of Armenia (as analysed by B. Poghosyan, APRI Armenia)','guarantors and dispute mechanism',
 'International guarantors and a dispute-settlement mechanism for the agreements.','2024-01-01','month',false,ARRAY['apri-poghosyan-2024-01'],NULL),
('aze-no-guarantors','AZE','President Aliyev','guarantors and dispute mechanism',
 'No guarantors.','2024-01-10','day',false,ARRAY['vestikavkaza-165787','apri-poghosyan-2024-01'],NULL),
('arm-transit-security','ARM','B. Poghosyan, APRI Armenia (analysis, not an official statement)','security of Armenian transit through Azerbaijan',
 'Armenian transit through Azerbaijan would need third-party security guarantees.','2024-01-01','month',false,ARRAY['apri-poghosyan-2024-01'],'An analyst''s assessment, attributed as such.'),
('aze-constitution-condition','AZE','Government of Azerbaijan','constitution',
 'Signature of the peace treaty only after Armenia changes its constitution.','2025-03-13','day',false,ARRAY['turkiyescoop-2025-03','statesheadline-2025-03','caucasianknot-68502'],'A constitutional referendum was to follow the June 2026 election (not found).'),
('treaty-no-third-party-forces','joint','Peace treaty text agreed 13 Mar 2025 (as reported)','third-party forces on the border',
 'No third-country forces along the common border — which concerns the EU mission in Armenia and Russia''s border guards.','2025-03-13','day',false,
 ARRAY['turkiyescoop-2025-03','statesheadline-2025-03','bestofhindustan-2025-03'],'As reported; the text was published on 11 Aug 2025.'),
('eu-monitoring-mission','EU','European Union','third-party forces on the border',
 'A civilian EU monitoring mission (EUMA) on the Armenian side of the border from 20 Feb 2023.','2023-02-20','day',false,ARRAY['euma-2023-02-20'],NULL),
('joint-art9-2020','joint','Leaders of Armenia, Azerbaijan and Russia (statement of 10 Nov 2020, point 9)','2020 statement, point 9',
 'All economic and transport links in the region are unblocked; Armenia guarantees the security of the links between western Azerbaijan and Nakhchivan for unobstructed movement both ways; new links by agreement.','2020-11-10','day',true,ARRAY['trilateral-statement-2020-11-10'],'No passport or customs regime is named.'),
('rus-border-guards-oversight','RUS','Russian Federation (statement of 10 Nov 2020, point 9)','third-party forces on the border',
 'The FSB Border Guard Service of Russia oversees ("controls") the transport communication between western Azerbaijan and Nakhchivan.','2020-11-10','day',true,ARRAY['trilateral-statement-2020-11-10'],'Oversight, not a guarantee: the guarantor of security is Armenia.'),
('usa-tripp','USA','Government of the United States (TRIPP Implementation Framework)','route through Syunik',
 'TRIPP Development Company 74 % US / 26 % Armenia, development rights for 49 years (+50, Armenian share rising to 49 %); joint Armenia–US steering committee for reserved matters.','2026-01-13','day',true,ARRAY['1lurer-tripp-2026','vestikavkaza-180037'],NULL),
('arm-tripp-sovereignty','ARM','Government of Armenia (TRIPP Implementation Framework)','controls on the route through Syunik',
 'Under TRIPP Armenia keeps sovereignty, border control, customs and taxation.','2026-01-13','day',true,ARRAY['1lurer-tripp-2026','vestikavkaza-180037'],NULL),
('arm-road-transit-offer','ARM','PM Pashinyan','communications',
 'Road transit over existing Armenian roads for Azerbaijan–Turkey and western Azerbaijan–Nakhchivan traffic.','2026-03-11','day',false,ARRAY['reportaz-2026-03-11'],NULL),
('irn-rail-via-nakhchivan','IRN','Iran''s railways','communications',
 'An Iran→Nakhchivan→Armenia rail route.','2025-11-26','day',false,ARRAY['reportaz-2025-11-26'],NULL),
('irn-aras-corridor','IRN','Iran''s roads minister','communications',
 'A road corridor through Iran along the Aras, "from Aghband to Jolfa".',NULL,NULL,false,ARRAY['amtehran-aras','vestikavkaza-164365'],NULL),
('tur-kars-dilucu','TUR','Türkiye (with Azerbaijan)','communications',
 'A Kars–Iğdır–Aralık–Dilucu railway (223.6 km) to Nakhchivan, ground broken 22 Aug 2025.','2025-08-22','day',false,ARRAY['kars-dilucu-2025'],NULL),
('civilnet-territory-215-km2','ARM media','CivilNet (Armenian media, satellite investigation)','territory',
 'At least 215 km² of Armenian territory came under Azerbaijani control since 2020.',NULL,NULL,false,ARRAY['civilnet-697545'],'A media investigation, not a government figure.'),
('aze-territory-denial','AZE','Government of Azerbaijan','territory',
 'Denies occupying Armenian land; will not withdraw from the May 2021 / Sept 2022 positions before the border is set.',NULL,NULL,false,ARRAY['facts-territory-aze'],NULL),
('arm-territory-200-km2','ARM','FM Mirzoyan','territory',
 'About 200 km² of Armenian territory under Azerbaijani control (rough estimate, reported as including areas held since the 1990s).','2023-11-03','day',false,ARRAY['tass-1701331','asbarez-mirzoyan-2023-11'],'CivilNet counts at least 215 km² since 2020 (civilnet 697545).');

INSERT INTO corridor.positions (id, geom, party, stated_by, topic, position, stated_on, date_precision, note, sources, accuracy, valid_from)
SELECT p.id,
       CASE WHEN p.on_route THEN (SELECT ST_Multi(rp(geom))::geometry FROM corridor.route_segments
                                   WHERE route_id = 'baku-nakhchivan-via-meghri' AND country = 'ARM' ORDER BY seq LIMIT 1) END,
       p.party, p.stated_by, p.topic, p.pos, p.d, p.prec,
       coalesce(p.note || ' ', '') || CASE WHEN p.on_route THEN 'Geometry: the Armenian section of the Meghri route (schematic).' ELSE '' END,
       p.src || CASE WHEN p.on_route THEN ARRAY['corridor-gis-recipe'] ELSE ARRAY[]::text[] END,
       CASE WHEN p.on_route THEN 'schematic' ELSE 'approximate' END, p.d
  FROM position_def p;
UPDATE corridor.positions SET note = NULLIF(trim(note), '');

UPDATE corridor.control_regimes r SET positions = l.p FROM (VALUES
  ('national', ARRAY['arm-syunik-controls','arm-tripp-sovereignty']),
  ('uninspected-transit', ARRAY['aze-syunik-no-controls','aze-no-guarantors','aze-otherwise-closed']),
  ('russian-border-guards', ARRAY['joint-art9-2020','rus-border-guards-oversight']),
  ('links-unblocked', ARRAY['joint-art9-2020']),
  ('tripp', ARRAY['usa-tripp','arm-tripp-sovereignty'])) AS l(id, p) WHERE r.id = l.id;
UPDATE corridor.scenarios s SET positions = l.p FROM (VALUES
  ('crossroads-of-peace-2023', ARRAY['arm-syunik-controls','arm-comprehensive-treaty','arm-guarantors-dispute-mechanism']),
  ('azerbaijan-position-2024', ARRAY['aze-syunik-no-controls','aze-no-guarantors','aze-otherwise-closed','aze-framework-treaty']),
  ('trilateral-statement-2020', ARRAY['joint-art9-2020','rus-border-guards-oversight']),
  ('tripp-2026', ARRAY['usa-tripp','arm-tripp-sovereignty'])) AS l(id, p) WHERE s.id = l.id;

-- regimes and scenarios paraphrase published positions
UPDATE corridor.control_regimes SET accuracy = 'approximate' WHERE accuracy IS NULL;
UPDATE corridor.scenarios SET accuracy = 'approximate' WHERE accuracy IS NULL;
-- languages the fact sheet states (the Wikipedia editions); the others are not stated there
UPDATE corridor.sources SET language = 'ru' WHERE id = 'wikipedia-ru-barkhudarly';
UPDATE corridor.sources SET language = 'en' WHERE id = 'wikipedia-en-sofulu-barkhudarly';

-- names where the sides' forms differ (forms from places.csv, FACTS.md and the analysts' list of name pairs), and the usages each side gives a route (attributed by key)
UPDATE corridor.routes SET names = '{"AZE usage": "Zangezur corridor", "ARM usage": "route through Syunik (Meghri section)", "USA/ARM (8 Aug 2025)": "TRIPP (Trump Route for International Peace and Prosperity)", "en": "Meghri route"}',
       aliases = ARRAY['Zangezur corridor','Syunik','Meghri route','TRIPP','Trump Route for International Peace and Prosperity']
 WHERE id = 'baku-nakhchivan-via-meghri';
UPDATE corridor.routes SET names = '{"AZE/IRN usage": "Aras corridor"}', aliases = ARRAY['Aras corridor']
 WHERE id IN ('baku-nakhchivan-via-aras-corridor-iran');
UPDATE corridor.routes SET aliases = ARRAY['Syunik','Meghri','Agarak','Nurduz','Norduz']
 WHERE id = 'agarak-nurduz-road';
UPDATE corridor.routes SET names = '{"en": "Lachin corridor", "towns (az / hy)": "Laçın / Berdzor, Şuşa / Shushi, Xankəndi / Stepanakert"}',
       aliases = ARRAY['Lachin corridor','Lachin','Laçın','Berdzor','Shusha','Shushi','Khankendi','Stepanakert','Kornidzor','Hakari bridge']
 WHERE id = 'goris-khankendi-lachin-corridor';
UPDATE corridor.disputed_areas SET names = '{"hy": "Artsvashen", "az": "Başkənd"}', aliases = ARRAY['Artsvashen','Başkənd']
 WHERE id = 'artsvashen';
UPDATE corridor.disputed_areas SET names = '{"az": "Yukhari Askipara", "hy": "Verin Voskepar"}', aliases = ARRAY['Yukhari Askipara','Verin Voskepar']
 WHERE id = 'yukhari-askipara';
UPDATE corridor.disputed_areas SET names = '{"az": "Karki", "hy": "Tigranashen"}', aliases = ARRAY['Karki','Tigranashen']
 WHERE id = 'karki';
UPDATE corridor.disputed_areas SET names = '{"hy": "Sev Lich (Lake Sev)", "az": "Qaragöl"}', aliases = ARRAY['Sev Lich','Lake Sev','Qaragöl','Mets Ishkhanasar']
 WHERE id = 'may-2021-sev-lich';
UPDATE corridor.disputed_areas SET names = '{"az": "Sofulu–Barkhudarly"}', aliases = ARRAY['Sofulu','Barkhudarly']
 WHERE id IN ('sofulu','barkhudarly');
UPDATE corridor.checkpoints SET names = '{"az": "Culfa", "fa": "Jolfa", "en": "Julfa–Jolfa"}', aliases = ARRAY['Culfa','Julfa','Jolfa']
 WHERE id = 'julfa-jolfa';
UPDATE corridor.checkpoints SET names = '{"hy": "Agarak", "fa": "Nurduz"}', aliases = ARRAY['Agarak','Nurduz','Norduz']
 WHERE id = 'agarak-nurduz';
