-- notelsp for Neovim 0.7 and later: starts the French report checker for markdown and text buffers.
-- Put this file in ~/.config/nvim/lua/notelsp.lua and add `require('notelsp')` to init.lua.
-- Optional, before the require:
--   vim.g.notelsp_cmd = { 'notelsp', 'lsp', '--stdio' }          -- how to start the server
--   vim.g.notelsp_settings = { debounceMs = 150, rules = { disabled = { 'dignity.typography' } } }
local cmd = vim.g.notelsp_cmd or { 'notelsp', 'lsp', '--stdio' }
local client_id = nil

local function attach(buf)
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    client_id = vim.lsp.start_client({
      name = 'notelsp',
      cmd = cmd,
      root_dir = vim.fn.getcwd(),
      -- Custom rule packs are loaded only when the workspace is trusted: say so explicitly here.
      init_options = { workspaceTrusted = vim.g.notelsp_trusted == true, settings = vim.g.notelsp_settings or vim.empty_dict() },
      settings = { notelsp = vim.g.notelsp_settings or vim.empty_dict() },
    })
  end
  if client_id ~= nil then
    vim.lsp.buf_attach_client(buf, client_id)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'text' },
  callback = function(args) attach(args.buf) end,
})
