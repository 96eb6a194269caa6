-- 35_source_urls.sql: where each source can be read. An address is recorded only where a stored copy of a public
-- page was found that clearly is the cited article (same outlet; title, date and figure agree), exactly as that copy
-- gives it (tracking parameters included); no address is built from a pattern. accessed = the day the address was
-- confirmed (2026-11-30); language = the page's; published only where the page shows the date and the bibliography had none.
-- Sources without a confirmed page keep url NULL (49 of 88, see geodata/README.md).
\set ON_ERROR_STOP on
CREATE TEMP TABLE source_urls (id text PRIMARY KEY, url text NOT NULL, language text NOT NULL, published date);
INSERT INTO source_urls (id, url, language, published) VALUES
  ('civilnet-698302', 'https://www.civilnet.am/en/news/698302/4-armenian-villages-completely-isolated-as-azerbaijan-installs-new-checkpoint/', 'en', NULL::date),
  ('mirrorspectator-2023-04-27', 'https://mirrorspectator.com/2023/04/27/azerbaijan-sets-up-checkpoint-at-lachin-corridor/', 'en', NULL::date),
  ('newsam-734934', 'https://news.am/eng/news/734934.html', 'en', NULL::date),
  ('1lurer-tripp-2026', 'https://www.1lurer.am/en/2026/01/14/Ermənistan-ABŞ-“Beynəlxalq-Sülh-və-Rifah-üçün-Tramp-Yolu”-proqramının-icra-çərçivəsinin-təqdim-edil/1446539', 'en', NULL::date),
  ('armenpress-1068454', 'https://armenpress.am/eng/news/1068454/', 'en', NULL::date),
  ('azertag-2149064', 'https://azertag.az/en/xeber/Azerbaijan_Armenia_hold_first_meeting_in_format_of_Commission_on_Border_Delimitation-2149064', 'en', DATE '2022-05-24'),
  ('caucasianknot-68502', 'https://www.caucasianknot.info/articles/68502', 'en', NULL::date),
  ('caucasuswatch-2025-01-16', 'https://caucasuswatch.de/en/news/delimitation-talks-progress-as-armenia-and-azerbaijan-focus-on-northern-border.html', 'en', NULL::date),
  ('civilnet-697545', 'https://www.civilnet.am/en/news/697545/azerbaijan-has-occupied-at-least-215-square-kilometers-of-armenian-territory-since-2020/', 'en', NULL::date),
  ('hetq-147450', 'https://hetq.am/en/article/147450', 'en', NULL::date),
  ('horizonweekly-aliyev-2024-01-10', 'https://horizonweekly.ca/fr/azerbaijan-rejects-maps-from-70s-for-armenia-border-delimitation/', 'en', NULL::date),
  ('ictimaixeber-meghri-length', 'https://ictimaixeber.az/?p=97945', 'az', NULL::date),
  ('jamnews-nov-2021', 'https://jam-news.net/fresh-clashes-at-the-armenian-azerbaijani-border-yerevan-asks-russia-to-intervene/', 'en', DATE '2021-11-16'),
  ('janes-may-2021', 'https://www.janes.com/osint-insights/defence-news/azeri-troops-seize-lake-on-armenian-border', 'en', NULL::date),
  ('kazpravda-transit-2025', 'https://kazpravda.kz/n/pervuyu-partiyu-kazahstanskoy-pshenicy-otpravili-v-armeniyu/', 'ru', DATE '2025-11-06'),
  ('massispost-2024-07-08', 'https://massispost.com/2024/08/armenia-and-azerbaijan-finalize-regulations-for-border-delimitation-commissions/', 'en', NULL::date),
  ('massispost-2024-08', 'https://massispost.com/2024/08/armenia-and-azerbaijan-finalize-regulations-for-border-delimitation-commissions/', 'en', NULL::date),
  ('mediamax-59879', 'https://mediamax.am/en/news/region/59879/', 'en', DATE '2026-02-06'),
  ('mehrnews-215686', 'https://en.mehrnews.com/amp/215686', 'en', NULL::date),
  ('newsam-643709', 'https://news.am/eng/news/643709.html', 'en', NULL::date),
  ('newsam-723850', 'https://news.am/eng/news/723850.html', 'en', NULL::date),
  ('newsam-738800', 'https://news.am/eng/news/738800.html', 'en', NULL::date),
  ('newsaz-2024-05-24', 'https://news.az/news/-azerbaijani-border-guards-take-control-of-4-liberated-villages-in-gazakh-', 'en', DATE '2024-05-24'),
  ('newsaz-map-basis', 'https://news.az/news/-azerbaijani-border-guards-take-control-of-4-liberated-villages-in-gazakh-', 'en', DATE '2024-05-24'),
  ('panarmenian-292844', 'https://panarmenian.net/m/eng/news/292844', 'en', DATE '2021-05-13'),
  ('reportaz-2025-11-26', 'https://report.az/en/infrastructure/iran-seeks-to-send-cargo-to-armenia-via-nakhchivan-by-rail-exclusive', 'en', NULL::date),
  ('reportaz-aras-bridge', 'https://report.az/ru/infrastruktura/shahin-mustafaev-zaversheno-stroitelstvo-avtomobilnogo-mosta-agbend-kyalalya-cherez-araz', 'ru', NULL::date),
  ('statesheadline-2025-03', 'https://statesheadline.com/armenia-and-azerbaijan-conclude-successful-peace-talks-ready-to-sign-agreement', 'en', NULL::date),
  ('tass-1701331', 'https://tass.com/world/1701331?utm_referrer=google.com%2Famp%2Famp%2Famp%2Famp%2Famp%2Famp%2Famp%2Famp%2Famp', 'en', NULL::date),
  ('todayaz-200347', 'http://www.today.az/news/business/200347.html', 'en', DATE '2020-11-13'),
  ('trend-3513085', 'https://en.trend.az/azerbaijan/politics/3513085.html', 'en', NULL::date),
  ('trend-4094087', 'https://www.trend.az/business/4094087.html', 'en', NULL::date),
  ('trend-4126523', 'https://www.trend.az/business/4126523.html', 'en', NULL::date),
  ('trend-horadiz-aghband-rail', 'https://www.trend.az/business/4087540.html', 'en', DATE '2025-09-05'),
  ('trtworld-regulations-2024', 'https://www.trtworld.com:443/article/18201999', 'en', DATE '2024-08-30'),
  ('turan-aliyev-2024-01', 'https://turan.az/en/politics/armenia-should-provide-unimpeded-passage-through-zangezur-i-aliyev', 'en', NULL::date),
  ('vestikavkaza-165787', 'https://en.vestikavkaza.ru/material/165787', 'en', NULL::date),
  ('vestikavkaza-180037', 'https://en.vestikavkaza.ru/amp/180037', 'en', NULL::date),
  ('wikipedia-en-sofulu-barkhudarly', 'https://en.wikipedia.org/wiki/?oldid=1139248724&title=Barxudarl%C4%B1', 'en', NULL::date);

DO $$ BEGIN
  IF (SELECT count(*) FROM source_urls u JOIN corridor.sources s USING (id)) <> (SELECT count(*) FROM source_urls) THEN
    RAISE EXCEPTION 'source_urls names a source that is not in corridor.sources';
  END IF;
END $$;

UPDATE corridor.sources s
   SET url = u.url, language = u.language, accessed = DATE '2026-11-30', published = coalesce(s.published, u.published)
  FROM source_urls u WHERE u.id = s.id;

-- Two dates in the bibliography were the date of the statement reported, not of the article; the pages show their own.
UPDATE corridor.sources SET published = DATE '2025-09-11',
       note = 'Initialled 8 Aug 2025 in Washington; the governments published the text on 11 Aug 2025, this article (the text as published by Caucasian Knot) is dated 11 Sept 2025.'
 WHERE id = 'caucasianknot-68502';
UPDATE corridor.sources SET published = DATE '2024-01-11',
       note = 'Interview of 10 Jan 2024, article dated 11 Jan 2024. Also the Meghri route lengths; reference to the 10 Nov 2020 statement.'
 WHERE id = 'vestikavkaza-165787';
