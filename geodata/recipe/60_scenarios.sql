-- 60_scenarios.sql: scenario assignments for every route segment (route_id + country) and checkpoint.
-- Needs corridor.route_segments (corridor.rebuild_route_segments() is run before this file).
\set ON_ERROR_STOP on
SET search_path = recipe, public;

CREATE FUNCTION seg_rule(scn text, rid text, ctry text, OUT regime text, OUT open boolean, OUT basis text) LANGUAGE plpgsql AS $$
BEGIN
  basis := 'position';
  IF rid IN ('baku-nakhchivan-via-aras-corridor-iran','horadiz-aghband-road','kars-igdir-dilucu-nakhchivan-rail') THEN
    regime := 'CLOSED'; open := false; basis := 'not open: under construction / opening date not found';
  ELSIF rid = 'baku-nakhchivan-via-iran-historic-road' THEN
    regime := CASE WHEN ctry = 'AZE' THEN 'DOMESTIC' ELSE 'INTL-TRANSIT' END; open := true; basis := 'operating route, not addressed by the position';
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
  IF cid IN ('agarak-nurduz','bagratashen-sadakhlo','bilasuvar-bileh-savar','astara-astara','julfa-jolfa','shahtakhti-poldasht') THEN
    regime := 'INTL-TRANSIT'; open := true; basis := 'operating crossing, not addressed by the position';
  ELSIF cid = 'sadarak-dilucu' THEN
    regime := 'INTL-TRANSIT'; open := true; basis := 'assumed open; status not in the fact sheet (uncertain)';
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
    basis := CASE WHEN cid = 'margara' THEN 'not open to regular traffic' ELSE 'not addressed by the position; proposed only' END;
  END IF;
END $$;

INSERT INTO corridor.scenarios (id, name, description, assignments, note, sources, valid_from, valid_to)
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
       s.note, s.src, s.vf::date, s.vt::date
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
