-- 60_scenarios.sql: scenario assignments for every route segment (route_id + country) and checkpoint.
-- Needs corridor.route_segments (corridor.rebuild_route_segments() is run before this file).
\set ON_ERROR_STOP on
SET search_path = recipe, public;

CREATE FUNCTION seg_rule(scn text, rid text, ctry text, OUT regime text, OUT open boolean, OUT basis text) LANGUAGE plpgsql AS $$
BEGIN
  basis := 'position';
  IF rid = 'goris-khankendi-lachin-corridor' THEN   -- the Lachin corridor, 2020–2023
    IF ctry = 'ARM' THEN
      regime := 'DOMESTIC'; open := true; basis := 'Armenian territory (Goris–Kornidzor)';
    ELSIF scn = 'trilateral-statement-2020' THEN
      regime := 'RUS-PEACEKEEPERS'; open := true; basis := 'point 6: the Lachin corridor (5 km wide) under Russian peacekeepers';
    ELSE
      regime := 'CLOSED'; open := false; basis := 'closed since Sept 2023; not addressed by the position';
    END IF;
  ELSIF rid IN ('baku-nakhchivan-via-aras-corridor-iran','horadiz-aghband-road','horadiz-aghband-rail','kars-igdir-dilucu-nakhchivan-rail') THEN
    regime := 'CLOSED'; open := false; basis := 'not open: under construction / opening date not found';
  ELSIF rid = 'baku-nakhchivan-via-iran-historic-road' THEN
    regime := CASE WHEN ctry = 'AZE' THEN 'DOMESTIC' ELSE 'INTL-TRANSIT' END; open := true; basis := 'operating route, not addressed by the position';
  ELSIF rid = 'baku-yerevan-rail-via-azerbaijan-georgia' THEN
    IF ctry = 'ARM' THEN
      regime := 'DOMESTIC'; open := true; basis := 'Armenian territory';
    ELSIF ctry = 'GEO' THEN
      regime := 'INTL-TRANSIT'; open := true; basis := 'operating route, not addressed by the position';
    ELSIF scn = 'crossroads-of-peace-2023' THEN
      regime := 'NATIONAL'; open := true; basis := 'position (reciprocity)';
    ELSIF scn = 'trilateral-statement-2020' THEN
      regime := 'ART9-UNBLOCKED'; open := true; basis := 'point 9: all economic and transport links unblocked; no control regime named';
    ELSIF scn = 'tripp-2026' THEN
      regime := 'INTL-TRANSIT'; open := true; basis := 'operating since Nov 2025 (transit ban lifted 21 Oct 2025); TRIPP does not address it';
    ELSE
      regime := 'CLOSED'; open := false;
      basis := CASE scn WHEN 'azerbaijan-position-2024' THEN 'position: otherwise no communications with Armenia'
                        ELSE 'no Armenian transit through Azerbaijan in 2024 (ban lifted 21 Oct 2025)' END;
    END IF;
  ELSIF rid = 'agarak-nurduz-road' THEN
    regime := 'DOMESTIC'; open := true; basis := 'Armenian road to the Iranian border, not addressed by the position';
  ELSIF rid = 'yerevan-georgia-rail-via-bagratashen-sadakhlo' THEN
    regime := CASE WHEN ctry = 'ARM' THEN 'DOMESTIC' ELSE 'INTL-TRANSIT' END; open := true; basis := 'operating route, not addressed by the position';
  ELSIF rid = 'baku-nakhchivan-via-meghri' THEN
    IF ctry = 'AZE' THEN
      regime := CASE WHEN scn = 'status-quo-2024' THEN 'CLOSED' ELSE 'DOMESTIC' END; open := scn <> 'status-quo-2024';
      basis := CASE WHEN scn = 'status-quo-2024' THEN 'line disused' ELSE 'Azerbaijani territory on both ends' END;
    ELSE
      regime := CASE scn WHEN 'status-quo-2024' THEN 'CLOSED' WHEN 'azerbaijan-position-2024' THEN 'UNINSPECTED'
                         WHEN 'crossroads-of-peace-2023' THEN 'NATIONAL' WHEN 'trilateral-statement-2020' THEN 'FSB-OVERSIGHT'
                         WHEN 'tripp-2026' THEN 'TRIPP' END;
      open := scn <> 'status-quo-2024';
      basis := CASE WHEN scn = 'status-quo-2024' THEN 'line disused' ELSE 'position' END;
    END IF;
  ELSE  -- Armenian traffic through Azerbaijan / Nakhchivan
    IF ctry = 'ARM' THEN
      regime := 'DOMESTIC'; open := true; basis := 'Armenian territory';
    ELSIF scn = 'crossroads-of-peace-2023' THEN
      regime := CASE WHEN ctry = 'IRN' THEN 'INTL-TRANSIT' ELSE 'NATIONAL' END; open := true; basis := 'position (reciprocity)';
    ELSIF scn = 'trilateral-statement-2020' AND rid <> 'yerevan-georgia-rail-via-ijevan-gazakh' THEN
      regime := 'CLOSED'; open := false;
      basis := 'point 9 unblocks all links, but this line is not built or restored (proposed only)';
    ELSIF scn = 'trilateral-statement-2020' THEN
      regime := 'CLOSED'; open := false;
      basis := 'point 9 unblocks all links, but this line is disused (not restored)';
    ELSE
      regime := 'CLOSED'; open := false;
      basis := CASE scn WHEN 'azerbaijan-position-2024' THEN 'position: otherwise no communications with Armenia'
                        WHEN 'status-quo-2024' THEN 'no Armenian transit through Azerbaijan in 2024 (ban lifted 21 Oct 2025)'
                        ELSE 'not addressed by the position; line proposed/disused' END;
    END IF;
  END IF;
END $$;

CREATE FUNCTION cp_rule(scn text, cid text, OUT regime text, OUT open boolean, OUT basis text) LANGUAGE plpgsql AS $$
BEGIN
  IF cid = 'lachin-corridor-crossing' THEN
    IF scn = 'trilateral-statement-2020' THEN
      regime := 'RUS-PEACEKEEPERS'; open := true; basis := 'point 6: the Lachin corridor under Russian peacekeepers; no post of either state named';
    ELSE
      regime := 'CLOSED'; open := false; basis := 'closed since Sept 2023; not addressed by the position';
    END IF;
  ELSIF cid IN ('agarak-nurduz','bagratashen-sadakhlo','bilasuvar-bileh-savar','astara-astara','julfa-jolfa','shahtakhti-poldasht','aze-geo-rail-crossing') THEN
    regime := 'INTL-TRANSIT'; open := true; basis := 'operating crossing, not addressed by the position';
  ELSIF cid = 'sadarak-dilucu' THEN
    regime := 'INTL-TRANSIT'; open := true; basis := 'assumed open; status not in the fact sheet (uncertain)';
  ELSIF cid = 'ijevan-gazakh-rail-crossing' THEN
    regime := 'CLOSED'; open := false; basis := 'line disused; no crossing in use';
  ELSIF cid = 'aghband-kalaleh-bridge' THEN
    regime := 'CLOSED'; open := false; basis := 'not open: border and customs posts unfinished';
  ELSIF cid IN ('nrnadzor-post','agarak-post') THEN
    regime := CASE scn WHEN 'status-quo-2024' THEN 'CLOSED' WHEN 'azerbaijan-position-2024' THEN 'UNINSPECTED'
                       WHEN 'crossroads-of-peace-2023' THEN 'NATIONAL' WHEN 'trilateral-statement-2020' THEN 'FSB-OVERSIGHT'
                       WHEN 'tripp-2026' THEN 'TRIPP' END;
    open := scn <> 'status-quo-2024'; basis := CASE WHEN scn = 'status-quo-2024' THEN 'no post, line disused' ELSE 'position' END;
  ELSIF scn = 'crossroads-of-peace-2023' THEN   -- margara, yeraskh, sotk, angeghakot
    regime := 'NATIONAL'; open := true; basis := 'proposed checkpoint (secondary source, uncertain)';
  ELSE
    regime := 'CLOSED'; open := false;
    basis := CASE WHEN cid = 'margara' THEN 'not open to regular traffic'
                  WHEN scn = 'trilateral-statement-2020' THEN 'point 9 unblocks all links but names no crossing; none exists here'
                  ELSE 'not addressed by the position; proposed only' END;
  END IF;
END $$;

INSERT INTO corridor.scenarios (id, name, description, assignments, note, sources, valid_from, valid_to, accuracy)
SELECT s.id, s.name, s.descr,
       jsonb_build_object(
         'segments', (SELECT jsonb_agg(jsonb_build_object('route_id', x.route_id, 'country', x.country,
                                       'regime', (seg_rule(s.id, x.route_id, x.country)).regime,
                                       'open', (seg_rule(s.id, x.route_id, x.country)).open,
                                       'basis', (seg_rule(s.id, x.route_id, x.country)).basis) ORDER BY x.route_id, x.country)
                        FROM (SELECT DISTINCT route_id, country FROM corridor.route_segments) x),
         'checkpoints', (SELECT jsonb_agg(jsonb_build_object('checkpoint_id', c.id,
                                       'regime', (cp_rule(s.id, c.id)).regime, 'open', (cp_rule(s.id, c.id)).open,
                                       'basis', (cp_rule(s.id, c.id)).basis) ORDER BY c.id)
                           FROM corridor.checkpoints c)),
       s.note, s.src, s.vf::date, s.vt::date, 'approximate'
  FROM (VALUES
   ('status-quo-2024','Status quo 2024','The situation in 2024: the Meghri line disused and closed, no Armenian transit through Azerbaijan, the Aras corridor not yet open, ordinary transit via Iran and Georgia.',
    'Regime codes refer to control-regimes.code.', ARRAY['crossings-facts','rferl-transit-2025','reportaz-aras-bridge'],'2024-01-01','2024-12-31'),
   ('azerbaijan-position-2024','Azerbaijan''s position, Jan 2024 (President Aliyev)','Azerbaijan-to-Azerbaijan traffic through Meghri without inspection or customs clearance, no guarantors; otherwise no communications with Armenia.',
    'Position of one party, not a judgement.', ARRAY['vestikavkaza-165787','turan-aliyev-2024-01'],'2024-01-10',NULL),
   ('crossroads-of-peace-2023','Crossroads of Peace 2023 (Armenia)','Each state runs its own border, customs and security control on infrastructure crossing it, on reciprocity; proposed checkpoints opened.',
    'Position of one party, not a judgement. Checkpoint list from a secondary source (uncertain).', ARRAY['1lurer-crossroads-2023','armradio-2023-11-18','crossroads-checkpoint-list'],'2023-10-26',NULL),
   ('trilateral-statement-2020','10 Nov 2020 trilateral statement (art. 9)','Transport through the Meghri section under the control of Russian border guards (FSB).',
    'Only what the fact sheet states about art. 9 is modelled; other links as not addressed.', ARRAY['trilateral-statement-2020-11-10'],'2020-11-10',NULL),
   ('tripp-2026','TRIPP Implementation Framework 2026','Meghri section built and run under TRIPP: Armenian sovereignty, border control and customs; US-majority development company.',
    'Construction start not found (June 2026): an envisaged state, not a current one.', ARRAY['1lurer-tripp-2026','vestikavkaza-180037'],'2026-01-13',NULL)
  ) AS s(id, name, descr, note, src, vf, vt);

-- The observed state: what was in force on each date since the 10 Nov 2020 statement. Each segment and checkpoint
-- has one assignment per period ("valid_from"/"valid_to", both days included); without an entry in obs_period an
-- element keeps the status-quo rule for the whole time.
CREATE TABLE obs_period (route_id text, country text, checkpoint_id text, valid_from date, valid_to date,
                         regime text, open boolean, basis text);
INSERT INTO obs_period VALUES
 ('baku-yerevan-rail-via-azerbaijan-georgia','AZE',NULL,'2020-11-10','2025-10-20','CLOSED',false,'Azerbaijan did not let goods bound for Armenia through (ban lifted 21 Oct 2025)'),
 ('baku-yerevan-rail-via-azerbaijan-georgia','AZE',NULL,'2025-10-21',NULL,'INTL-TRANSIT',true,'transit ban lifted 21 Oct 2025; first train (Kazakh wheat) arrived 8 Nov 2025'),
 ('baku-nakhchivan-via-meghri',NULL,NULL,'2020-11-10','2025-08-07','CLOSED',false,'line disused; point 9 of the 2020 statement not implemented'),
 ('baku-nakhchivan-via-meghri',NULL,NULL,'2025-08-08',NULL,'CLOSED',false,'line disused; TRIPP announced 8 Aug 2025 (framework Jan 2026), construction start not found'),
 ('kars-igdir-dilucu-nakhchivan-rail',NULL,NULL,'2020-11-10','2025-08-21','CLOSED',false,'not built'),
 ('kars-igdir-dilucu-nakhchivan-rail',NULL,NULL,'2025-08-22',NULL,'CLOSED',false,'under construction since 22 Aug 2025 (~5 years)'),
 (NULL,NULL,'margara','2020-11-10','2025-02-28','CLOSED',false,'closed'),
 (NULL,NULL,'margara','2025-03-01',NULL,'CLOSED',false,'staffed by Armenian border guards since 1 Mar 2025; not open to regular traffic'),
 (NULL,NULL,'aghband-kalaleh-bridge','2020-11-10','2026-02-22','CLOSED',false,'not built (foundation 6 Oct 2023)'),
 (NULL,NULL,'aghband-kalaleh-bridge','2026-02-23',NULL,'CLOSED',false,'built (23 Feb 2026), not open: border and customs posts unfinished'),
 -- the Lachin corridor: under Russian peacekeepers, blockade from 12 Dec 2022, Azerbaijani checkpoint from 23 Apr 2023, closed Sept 2023
 ('goris-khankendi-lachin-corridor','ARM',NULL,'2020-11-10','2023-09-30','DOMESTIC',true,'Armenian territory (Goris–Kornidzor)'),
 ('goris-khankendi-lachin-corridor','AZE',NULL,'2020-11-10','2022-12-11','RUS-PEACEKEEPERS',true,'point 6 of the 10 Nov 2020 statement: the corridor under Russian peacekeepers'),
 ('goris-khankendi-lachin-corridor','AZE',NULL,'2022-12-12','2023-09-30','CLOSED',false,'blockade from 12 Dec 2022 (Azerbaijan: the protesters did not impede civilian traffic); Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023; closed after the offensive of 19–20 Sept 2023 (the day is not in the fact sheet)'),
 (NULL,NULL,'lachin-corridor-crossing','2020-11-10','2022-12-11','RUS-PEACEKEEPERS',true,'point 6 of the 10 Nov 2020 statement: the corridor under Russian peacekeepers; no post of either state named'),
 (NULL,NULL,'lachin-corridor-crossing','2022-12-12','2023-04-22','CLOSED',false,'blockade from 12 Dec 2022 (Azerbaijan: the protesters did not impede civilian traffic)'),
 (NULL,NULL,'lachin-corridor-crossing','2023-04-23','2023-09-30','AZE-CHECKPOINT',false,'Azerbaijani checkpoint at the Hakari bridge from 23 Apr 2023 (Azerbaijan: passport control with the Russian peacekeepers; Armenia: a violation of the 2020 statement); no end of the blockade of 12 Dec 2022 is recorded before the closure after 19–20 Sept 2023');

INSERT INTO corridor.scenarios (id, name, description, assignments, note, sources, valid_from, valid_to, accuracy)
SELECT 'observed', 'Observed (the record, date by date)',
       'What was in force on each date since the 10 Nov 2020 statement, changing with the events: the Meghri line disused, '
       || 'Armenian transit through Azerbaijan from 21 Oct 2025, the Aras corridor not yet open, ordinary transit via Iran and Georgia. '
       || 'Ask with datetime= for another date (default: today).',
       jsonb_build_object(
         'segments', (SELECT jsonb_agg(e ORDER BY e->>'route_id', e->>'country', e->>'valid_from') FROM (
             SELECT jsonb_build_object('route_id', x.route_id, 'country', x.country, 'regime', o.regime, 'open', o.open,
                                       'basis', o.basis, 'valid_from', o.valid_from, 'valid_to', o.valid_to) AS e
               FROM (SELECT DISTINCT route_id, country FROM corridor.route_segments) x
               JOIN obs_period o ON o.route_id = x.route_id AND (o.country IS NULL OR o.country = x.country)
             UNION ALL
             SELECT jsonb_build_object('route_id', x.route_id, 'country', x.country,
                                       'regime', (seg_rule('status-quo-2024', x.route_id, x.country)).regime,
                                       'open', (seg_rule('status-quo-2024', x.route_id, x.country)).open,
                                       'basis', (seg_rule('status-quo-2024', x.route_id, x.country)).basis,
                                       'valid_from', date '2020-11-10')
               FROM (SELECT DISTINCT route_id, country FROM corridor.route_segments) x
              WHERE NOT EXISTS (SELECT 1 FROM obs_period o WHERE o.route_id = x.route_id AND (o.country IS NULL OR o.country = x.country))) q),
         'checkpoints', (SELECT jsonb_agg(e ORDER BY e->>'checkpoint_id', e->>'valid_from') FROM (
             SELECT jsonb_build_object('checkpoint_id', c.id, 'regime', o.regime, 'open', o.open, 'basis', o.basis,
                                       'valid_from', o.valid_from, 'valid_to', o.valid_to) AS e
               FROM corridor.checkpoints c JOIN obs_period o ON o.checkpoint_id = c.id
             UNION ALL
             SELECT jsonb_build_object('checkpoint_id', c.id, 'regime', (cp_rule('status-quo-2024', c.id)).regime,
                                       'open', (cp_rule('status-quo-2024', c.id)).open, 'basis', (cp_rule('status-quo-2024', c.id)).basis,
                                       'valid_from', date '2020-11-10')
               FROM corridor.checkpoints c WHERE NOT EXISTS (SELECT 1 FROM obs_period o WHERE o.checkpoint_id = c.id)) q)),
       'Regime codes refer to control-regimes.code. Periods per element: valid_from / valid_to (days included). Before 10 Nov 2020 nothing is recorded.',
       ARRAY['trilateral-statement-2020-11-10','crossings-facts','rferl-transit-2025','kazpravda-transit-2025','reportaz-aras-bridge','kars-dilucu-2025','1lurer-tripp-2026'],
       '2020-11-10', NULL, 'approximate';
