;;; emacs-test.el --- Batch Emacs + eglot test of notelsp  -*- lexical-binding: t; -*-

;; Opens a report, receives diagnostics, gets a hover citing the RGPD or the CNIL, applies a rephrasing quick
;; fix and sees that finding disappear. It loads notelsp.el, the snippet of docs/editors.md.
;; Usage: NOTELSP_DLL=path/notelsp.dll emacs --batch -l tests/editors/emacs-test.el REPORT.md

(require 'cl-lib)
(require 'flymake)

(defun notelsp-test-fail (format-string &rest args)
  (message "emacs: %s" (apply #'format format-string args))
  (kill-emacs 1))

(defun notelsp-test-step (format-string &rest args)
  (message "emacs: %s" (apply #'format format-string args)))

(defun notelsp-test-wait (predicate)
  "Lets the server's messages in until PREDICATE holds; nil after 30 seconds."
  (let ((deadline (+ (float-time) 30)) (done nil))
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      ;; Batch Emacs is never idle: start flymake by hand so that eglot reports what it received.
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.1))
    done))

(let* ((report (expand-file-name (or (pop command-line-args-left) (notelsp-test-fail "usage: emacs --batch -l emacs-test.el REPORT.md"))))
       (dll (or (getenv "NOTELSP_DLL") (notelsp-test-fail "NOTELSP_DLL is not set")))
       (work (make-temp-file "notelsp-emacs-" t))
       (copy (expand-file-name "rapport.md" work)))
  (setq command-line-args-left nil)
  ;; Work on a copy: applying the fix must not change the repository's file.
  (copy-file report copy t)
  (setq notelsp-command (list "dotnet" dll "lsp" "--stdio"))
  (load (expand-file-name "notelsp.el" (file-name-directory load-file-name)) nil t)
  (find-file copy)
  ;; eglot-ensure waits for a command loop that batch Emacs never runs: connect directly.
  (apply #'eglot--connect (eglot--guess-contact))
  (unless (notelsp-test-wait (lambda () (and (eglot-current-server) (bound-and-true-p flymake-mode))))
    (notelsp-test-fail "eglot did not connect"))

  (cl-labels ((diagnostics () (flymake-diagnostics (point-min) (point-max)))
              (lsp-diag (d) (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
              (code-of (d) (plist-get (lsp-diag d) :code)))
    (unless (notelsp-test-wait (lambda () (diagnostics)))
      (notelsp-test-fail "no diagnostics received"))
    (notelsp-test-step "%d diagnostics received" (length (diagnostics)))

    ;; A hover on one of the findings must cite the RGPD or the CNIL.
    (unless (cl-some (lambda (d)
                       (goto-char (flymake-diagnostic-beg d))
                       (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                                      (eglot--TextDocumentPositionParams)))
                              (value (or (plist-get (plist-get hover :contents) :value) "")))
                         (string-match-p "RGPD\\|CNIL" value)))
                     (diagnostics))
      (notelsp-test-fail "no hover cites the RGPD or the CNIL"))
    (notelsp-test-step "hover cites the RGPD or the CNIL")

    ;; Apply the preferred rephrasing of the first finding that has one.
    (let ((fixed nil) (before 0))
      (cl-loop for d in (diagnostics)
               until fixed
               do (let ((action (cl-find-if (lambda (a) (and (plist-get a :isPreferred)
                                                             (string-prefix-p "Reformuler" (plist-get a :title))
                                                             (plist-get a :edit)))
                                            (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix"))))
                    (when action
                      (setq fixed (code-of d))
                      (setq before (cl-count fixed (diagnostics) :key #'code-of :test #'equal))
                      (eglot--apply-workspace-edit (plist-get action :edit))
                      (eglot--signal-textDocument/didChange)
                      (notelsp-test-step "applied \"%s\"" (plist-get action :title)))))
      (unless fixed (notelsp-test-fail "no rephrasing quick fix offered"))
      (unless (notelsp-test-wait (lambda () (< (cl-count fixed (diagnostics) :key #'code-of :test #'equal) before)))
        (notelsp-test-fail "the finding %s is still reported after the fix" fixed))
      (notelsp-test-step "the finding %s disappeared" fixed)))
  (kill-emacs 0))
