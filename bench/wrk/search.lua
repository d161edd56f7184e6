-- Search over the scale data: each request takes the next query from a fixed list (rare and common words, one to
-- three words, stems and whole words), so no single cached plan or page is measured. PATH_PREFIX is set by run.sh.
local queries = {
  "eenzaam", "buurvrouw", "schulden", "mantelzorg", "huisarts", "Lindenholt", "koffie zondag", "brieven gemeente",
  "vrijwilliger supermarkt", "energierekening", "voedselbank respect", "scootmobiel", "taalcafe", "wijkteam",
  "schaamte huur", "fiets buurman", "formulieren bibliotheek", "jongerenwerker bijbaan", "alleen", "verhuizing"
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", PATH_PREFIX .. queries[(n % #queries) + 1]:gsub(" ", "+"))
end
