-- New questions at random: keywords, sort, page, section, year; few repeat, so the output cache rarely answers.
local words = {"wetlands","mangroves","net-zero","peatlands","restoration","biodiversity","coral%20reefs","forests","cities","oceans",
  "grasslands","deforestation","green%20finance","resilience","%E6%B9%BF%E5%9C%B0","%E7%BA%A2%E6%A0%91%E6%9E%97","%E7%A2%B3%E6%B1%87",
  "%E4%BF%AE%E5%A4%8D","%E6%A3%AE%E6%9E%97","%E5%9F%8E%E5%B8%82"}
local sections = {"","&section=research","&section=policy","&section=events","&section=standards"}
math.randomseed(os.time())
request = function()
  local base = (math.random(2) == 1) and "/entries?q=" or "/api/entries?q="
  local sort = (math.random(2) == 1) and "&sort=date" or "&sort=relevance"
  local year = 1999 + math.random(28)
  local path = base .. words[math.random(#words)] .. sort .. sections[math.random(#sections)] .. "&from=" .. year .. "&to=" .. (year + math.random(0, 3)) .. "&page=" .. math.random(3)
  return wrk.format("GET", path)
end
