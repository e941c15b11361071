-- Headless Neovim test of notelsp: open a report, receive diagnostics, get a hover citing RGPD or the CNIL,
-- apply a rephrasing quick fix and see that finding disappear. It loads notelsp.lua, the snippet of docs/editors.md.
-- Usage: NOTELSP_DLL=path/notelsp.dll nvim --headless --clean -n -i NONE -c 'luafile tests/editors/neovim-test.lua' -- REPORT.md
local function fail(message)
  io.stderr:write('neovim: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function step(message)
  io.stderr:write('neovim: ' .. message .. '\n')
end

local report = vim.v.argv[#vim.v.argv]
local dll = os.getenv('NOTELSP_DLL')
if dll == nil or report == nil or vim.fn.filereadable(report) == 0 then
  fail('usage: NOTELSP_DLL=... nvim ... -- REPORT.md')
  return
end

-- Work on a copy: applying the fix must not change the repository's file.
local work = vim.fn.tempname()
vim.fn.mkdir(work, 'p')
local copy = work .. '/rapport.md'
vim.fn.writefile(vim.fn.readfile(report, 'b'), copy, 'b')
vim.cmd('cd ' .. vim.fn.fnameescape(work))

vim.g.notelsp_cmd = { 'dotnet', dll, 'lsp', '--stdio' }
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
dofile(here .. 'notelsp.lua')
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(copy))
local buf = vim.api.nvim_get_current_buf()

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function notelsp_diagnostics()
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'notelsp' then table.insert(result, d) end
  end
  return result
end

if not vim.wait(30000, function() return #notelsp_diagnostics() > 0 end, 50) then
  fail('no diagnostics received')
  return
end
step(#notelsp_diagnostics() .. ' diagnostics received')

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, response in pairs(responses) do
    if response.result ~= nil then return response.result end
  end
  return nil
end

local function position(d) return { line = d.lnum, character = d.col } end

-- A hover on one of the findings must cite the RGPD or the CNIL.
local cited = false
for _, d in ipairs(notelsp_diagnostics()) do
  local hover = request('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position(d) })
  local value = hover and hover.contents and hover.contents.value or ''
  if value:find('RGPD') or value:find('CNIL') then
    cited = true
    break
  end
end
if not cited then
  fail('no hover cites the RGPD or the CNIL')
  return
end
step('hover cites the RGPD or the CNIL')

-- Apply the preferred rephrasing of the first finding that has one.
local fixed_code, before = nil, 0
for _, d in ipairs(notelsp_diagnostics()) do
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = position(d), ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }) or {}
  for _, action in ipairs(actions) do
    if action.isPreferred and action.title:find('^Reformuler') and action.edit then
      fixed_code = code_of(d)
      for _, other in ipairs(notelsp_diagnostics()) do
        if code_of(other) == fixed_code then before = before + 1 end
      end
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      step('applied "' .. action.title .. '"')
      break
    end
  end
  if fixed_code then break end
end
if not fixed_code then
  fail('no rephrasing quick fix offered')
  return
end

local function count()
  local n = 0
  for _, d in ipairs(notelsp_diagnostics()) do
    if code_of(d) == fixed_code then n = n + 1 end
  end
  return n
end
if not vim.wait(30000, function() return count() < before end, 50) then
  fail('the finding ' .. fixed_code .. ' is still reported after the fix')
  return
end
step('the finding ' .. fixed_code .. ' disappeared')
vim.cmd('qall!')
