/** Lua helper shared by the scripts that read `|`-separated records (ledger entries, alert state). */
export const LUA_SPLIT = `
local function split(s)
  local out, from = {}, 1
  while true do
    local at = string.find(s, '|', from, true)
    if not at then
      out[#out + 1] = string.sub(s, from)
      return out
    end
    out[#out + 1] = string.sub(s, from, at - 1)
    from = at + 1
  end
end
`;
