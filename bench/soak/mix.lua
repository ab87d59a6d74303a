-- Mixed traffic for the soak: readers (issues, entries, sections, organisations), researchers
-- (catalogue searches with filters, exports, feeds) and API clients, chosen at random per request.
local paths = {
  -- readers
  "/", "/issues/2021-11", "/sections", "/sections/research", "/sections/cop15", "/organisations",
  "/organisations/tnc", "/entries/corporate-net-zero-standard", "/entries/tnc-foodscales-food-system-transition",
  "/css/site.css",
  -- researchers
  "/entries", "/entries?q=%E6%B9%BF%E5%9C%B0", "/entries?q=%E7%BA%A2%E6%A0%91%E6%9E%97&sort=date",
  "/entries?section=research&from=2021-09", "/entries?organisation=TNC", "/entries?q=net-zero&section=standards",
  "/entries?page=2", "/entries/export.csv?q=%E6%B9%BF%E5%9C%B0", "/entries/export.bib?section=research",
  "/entries/export.ris?organisation=tnc", "/entries/export.json?q=mangroves", "/entries/feed?section=policy", "/feed",
  -- API clients
  "/api/entries?q=wetland", "/api/entries?section=cop26&pageSize=50", "/api/issues", "/api/issues/2021-11",
  "/api/sections", "/api/organisations",
}

math.randomseed(20261125)

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
