-- A mixed load for me.sh: nine reads of GET /api/v1/me to one write (PATCH /api/v1/me, a new
-- display name), all as the benchmark's signed-in user. Usage: WRK_SCRIPT=bench/wrk/mixed.lua bench/wrk/me.sh
local count = 0

function request()
  count = count + 1
  if count % 10 == 0 then
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/json"
    return wrk.format("PATCH", "/api/v1/me", headers, '{"displayName":"Bench ' .. count .. '"}')
  end
  return wrk.format("GET", "/api/v1/me")
end
