-- Answer submission load: each wrk thread owns one connection and one student, and plays games
-- the way the play page does: start a session, fetch the question, answer it (a unique
-- Idempotency-Key per attempt) until it ends, fetch the next, and start a new session when the
-- game is over. Run with as many threads as connections (-tN -cN) so request and response
-- alternate strictly per thread. Tokens and game ids come from the environment (answers.sh).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local tokens, games = {}, {}
  for t in string.gmatch(os.getenv("BENCH_TOKENS"), "[^,]+") do table.insert(tokens, t) end
  for g in string.gmatch(os.getenv("BENCH_GAMES"), "[^,]+") do table.insert(games, g) end
  local me = ((id - 1) % #tokens) + 1
  auth = "Bearer " .. tokens[me]
  game = games[me]
  state = "start"
  session, question, options, tried = nil, nil, {}, 0
  answers, nexts, starts, errors, sequence = 0, 0, 0, 0, 0
  -- Keys must be unique across runs too (the warm-up run uses the same students).
  run = os.getenv("BENCH_RUN") or tostring(os.time())
end

local function post(path, body, extra)
  local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  for k, v in pairs(extra or {}) do headers[k] = v end
  return wrk.format("POST", path, headers, body)
end

function request()
  if state == "start" then
    return post("/api/v1/game-sessions", '{"gameId":"' .. game .. '"}')
  elseif state == "next" then
    return wrk.format("GET", "/api/v1/game-sessions/" .. session .. "/next", { ["Authorization"] = auth })
  else
    sequence = sequence + 1
    tried = tried + 1
    -- Options in turn (the first is not always right), or a number for free answers.
    local answer = options[tried] or tostring(tried)
    local key = string.format("bench-%s-%d-%d", run, id, sequence)
    return post("/api/v1/game-sessions/" .. session .. "/answers",
      '{"questionId":"' .. question .. '","answer":"' .. answer .. '"}', { ["Idempotency-Key"] = key })
  end
end

function response(status, headers, body)
  if status >= 300 then
    errors = errors + 1
    if errors <= 3 then io.stderr:write(state .. " " .. status .. " " .. body:sub(1, 200) .. "\n") end
    state = "start"
    return
  end
  if state == "start" then
    starts = starts + 1
    session = body:match('"id":"([%x-]+)"')
    state = "next"
  elseif state == "next" then
    nexts = nexts + 1
    local q = body:match('"question":{"id":"([%x-]+)"')
    if q == nil then state = "start"; return end
    question, options, tried = q, {}, 0
    local list = body:match('"options":%[(.-)%]')
    if list then for o in list:gmatch('"id":"([^"]+)"') do table.insert(options, o) end end
    state = "answer"
  else
    answers = answers + 1
    if body:find('"questionEnded":true', 1, true) then
      state = body:find('"sessionState":"completed"', 1, true) and "start" or "next"
    end
  end
end

function done(summary, latency, requests)
  local a, n, s, e = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("answers"); n = n + t:get("nexts"); s = s + t:get("starts"); e = e + t:get("errors")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("answers: %d (%.0f/s), next: %d, sessions started: %d, errors: %d\n", a, a / seconds, n, s, e))
end
