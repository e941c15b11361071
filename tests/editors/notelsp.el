;;; notelsp.el --- Use the notelsp language server from Emacs with eglot  -*- lexical-binding: t; -*-

;; Emacs 28 and later with eglot (built in from Emacs 29; package elpa-eglot on Debian for Emacs 28).
;; Load it from your init file:  (load "/chemin/vers/notelsp.el")
;; To start the server differently, set `notelsp-command' before loading this file.

(require 'eglot)

(defvar notelsp-command '("notelsp" "lsp" "--stdio")
  "How to start the notelsp language server.")

;; Without markdown-mode installed, read .md files in text-mode so that eglot manages them too.
(unless (fboundp 'markdown-mode)
  (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode)))

(add-to-list 'eglot-server-programs `((markdown-mode text-mode) . ,notelsp-command))
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook #'eglot-ensure)

(provide 'notelsp)
;;; notelsp.el ends here
