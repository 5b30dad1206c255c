-- Math engine over HTTP: POST /api/v1/math/solve as a signed-in student, cycling through the
-- problems students ask most (linear, quadratic, a system, fractions, factoring), so the figure
-- is not one cached parse. The token comes from the environment (solve.sh).

local problems = {
  "2x+3=11", "x^2-5x+6=0", "3(x-2) = 2x + 7", "x^2 - 5x + 3 = 0", "x + y = 10, x - y = 2",
  "1/2 + 1/3", "factor x^2+7x+12", "5x - 7 = 18", "expand (x+2)(x-3)", "2x + 1 > 7",
}
local bodies = {}
for i, p in ipairs(problems) do bodies[i] = '{"problem":"' .. p .. '"}' end
local next_body = 0

function init(args)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  next_body = (next_body % #bodies) + 1
  return wrk.format(nil, "/api/v1/math/solve", nil, bodies[next_body])
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write(status .. " " .. body:sub(1, 200) .. "\n") end
  end
end
