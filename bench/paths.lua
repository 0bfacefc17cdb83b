-- wrk script: GET the paths of the file named by WRK_PATHS in turn, each
-- thread from its own place (uncached renders: every request another page).
local threads = 0
setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local paths = {}
local counter = 0
init = function(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  counter = (id or 0) * math.floor(#paths / 4)
end
request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
