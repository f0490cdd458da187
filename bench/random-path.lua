-- wrk script: every request asks for a random line of the file named by PATHS (one URL path a line),
-- as a browser would (gzip accepted). Each wrk thread reads the file and seeds its own generator.
local paths = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  for line in io.lines(os.getenv("PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() * 1000 + (seed or 0))
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
  wrk.headers["Accept"] = "*/*"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
