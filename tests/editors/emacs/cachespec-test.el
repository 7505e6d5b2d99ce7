;;; cachespec-test.el --- Batch Emacs end-to-end test of the cachespec language server through eglot  -*- lexical-binding: t; -*-

;; Run (see run.sh):
;;   emacs --batch -l cachespec-test.el <repo>/examples/broken/mistakes.cachespec.yaml
;; The server is $CACHESPEC_SERVER, else <repo>/server/CacheSpec.Server/bin/Release/net10.0/cachespec.
;; Written against eglot 1.9 (Debian 12's elpa-eglot on Emacs 28), which later versions keep compatible.
;; Every check prints a line "PASS: ..." or "FAIL: ..." (on stderr, like all messages in batch mode); Emacs exits 0 only when every check passed.

(require 'cl-lib)
(require 'subr-x)
(require 'json)
(require 'flymake)
(require 'eglot)

(defconst cachespec-test-directory
  (file-name-directory (or load-file-name buffer-file-name default-directory)))

(defconst cachespec-test-server
  (let ((from-env (getenv "CACHESPEC_SERVER")))
    (if (and from-env (not (string-empty-p from-env)))
        (expand-file-name from-env)
      (expand-file-name "../../../server/CacheSpec.Server/bin/Release/net10.0/cachespec"
                        cachespec-test-directory))))

(defconst cachespec-test-timeout 30
  "Seconds to wait for the server to connect, and again for its diagnostics.")

;;; The configuration a user puts in their init file (tests/editors/README.md shows the same,
;;; with "cachespec" from PATH instead of the absolute path of the build under test).

(define-derived-mode cachespec-mode prog-mode "CacheSpec"
  "Major mode for CacheSpec files (*.cachespec.yaml).
Eglot connects it to `cachespec serve --stdio'."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (setq-local indent-tabs-mode nil))

(add-to-list 'auto-mode-alist '("\\.cachespec\\.ya?ml\\'" . cachespec-mode))
(add-to-list 'eglot-server-programs
             `((cachespec-mode) . (,cachespec-test-server "serve" "--stdio")))

;;; Checks

(defvar cachespec-test-passed 0)
(defvar cachespec-test-failed 0)

(defun cachespec-test-print (format-string &rest args)
  "Print a line made by `format' from FORMAT-STRING and ARGS.
In batch mode `message' writes to stderr, in order with eglot's messages."
  (message "%s" (apply #'format format-string args)))

(defun cachespec-test-check (ok what &optional detail)
  "Count and print one check, and return OK.
WHAT passed when OK is non-nil; DETAIL explains a failure."
  (if ok
      (progn (cl-incf cachespec-test-passed)
             (cachespec-test-print "PASS: %s" what))
    (cl-incf cachespec-test-failed)
    (cachespec-test-print "FAIL: %s%s" what (if detail (format " -- %s" detail) "")))
  ok)

(defun cachespec-test-wait (predicate seconds)
  "Run processes and timers until PREDICATE returns non-nil or SECONDS pass.
Return the last value of PREDICATE."
  (let ((deadline (+ (float-time) seconds))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun cachespec-test-cli-report (path)
  "What `cachespec check PATH --format json' reports.
Return (COUNT . SORTED-CODES), or a string that explains an error."
  (with-temp-buffer
    (let ((status (call-process cachespec-test-server nil (list t nil) nil
                                "check" path "--format" "json")))
      (condition-case err
          (progn
            (goto-char (point-min))
            (let* ((json-object-type 'alist)
                   (json-array-type 'list)
                   (report (json-read))
                   (codes (cl-loop for file in (alist-get 'files report)
                                   append (cl-loop for diagnostic in (alist-get 'diagnostics file)
                                                   collect (alist-get 'code diagnostic)))))
              (cons (length codes) (sort (delete-dups codes) #'string<))))
        (error (format "exit status %s, output %S (%s)" status (buffer-string)
                       (error-message-string err)))))))

(defun cachespec-test-diagnostic-code (diagnostic)
  "The rule id eglot shows in the text of the flymake DIAGNOSTIC.
Eglot 1.9 writes the text as \"SOURCE [CODE]: MESSAGE\"."
  (let ((text (flymake-diagnostic-text diagnostic)))
    (and (string-match "\\[\\([^]]+\\)\\]: " text)
         (match-string 1 text))))

(defun cachespec-test-key-position (regexp)
  "Point just inside the first match of REGEXP's group 1 (a key), or nil."
  (save-excursion
    (goto-char (point-min))
    (when (re-search-forward regexp nil t)
      (+ (match-beginning 1) 2))))

(cl-defun cachespec-test-run (path)
  "Open PATH, start eglot, and check diagnostics, hover, completion and shutdown."
  (unless (cachespec-test-check (and path (file-readable-p path)) "a spec file is given"
                                (format "path: %S" path))
    (cl-return-from cachespec-test-run))
  (unless (cachespec-test-check (file-executable-p cachespec-test-server) "the server is executable"
                                cachespec-test-server)
    (cl-return-from cachespec-test-run))
  (cachespec-test-print "emacs %s, eglot from %s, server %s"
                 emacs-version (locate-library "eglot") cachespec-test-server)

  ;; What the CLI reports for this file: the source of truth.
  (let ((expected (cachespec-test-cli-report path)))
    (unless (cachespec-test-check (consp expected) "cachespec check --format json runs" expected)
      (cl-return-from cachespec-test-run))

    (find-file path)
    (unless (cachespec-test-check (eq major-mode 'cachespec-mode) "the file opens in cachespec-mode"
                                  (format "%s" major-mode))
      (cl-return-from cachespec-test-run))

    ;; M-x eglot: the contact comes from `eglot-server-programs'.  In normal use the project (the
    ;; server's workspace folder) is the VC root, here the repository; like the Neovim test's root_dir,
    ;; pin it to the spec's folder so that other specs in the repository cannot change what it reports.
    (let ((started (float-time))
          (project-find-functions (list (lambda (_dir) (cons 'transient (file-name-directory path)))))
          server)
      (condition-case err
          (call-interactively #'eglot)
        (error (cachespec-test-check nil "M-x eglot starts the server" (error-message-string err))
               (cl-return-from cachespec-test-run)))
      (setq server (cachespec-test-wait (lambda () (and (eglot-managed-p) (eglot-current-server)))
                                        cachespec-test-timeout))
      (unless (cachespec-test-check server "eglot connects and manages the buffer"
                                    (format "not within %d s" cachespec-test-timeout))
        (cl-return-from cachespec-test-run))
      (cachespec-test-print "  connected in %.2f s" (- (float-time) started))
      (let ((info (and (fboundp 'eglot--server-info) (eglot--server-info server))))
        (cachespec-test-check (equal (plist-get info :name) "cachespec") "serverInfo.name is cachespec"
                              (format "%S" info)))
      (cachespec-test-check (bound-and-true-p flymake-mode) "eglot turns on flymake-mode")

      ;; Diagnostics: eglot hands them to flymake; wait until as many as the CLI reports are there.
      (setq started (float-time))
      (cachespec-test-wait (lambda () (>= (length (flymake-diagnostics)) (car expected)))
                           cachespec-test-timeout)
      (cachespec-test-wait (lambda () nil) 0.3) ; let any later publication land, so the count is final
      (let* ((diagnostics (flymake-diagnostics))
             (codes (sort (delete-dups (delq nil (mapcar #'cachespec-test-diagnostic-code diagnostics)))
                          #'string<))
             (codes-text (string-join codes ", ")))
        (cachespec-test-print "  %d flymake diagnostics after %.2f s" (length diagnostics)
                              (- (float-time) started))
        (when diagnostics
          (cachespec-test-print "  e.g. %S" (flymake-diagnostic-text (car diagnostics))))
        (cachespec-test-check diagnostics "flymake diagnostics arrive from eglot"
                              (format "none within %d s" cachespec-test-timeout))
        (cachespec-test-check (member "vnet-injection-requires-premium" codes)
                              "diagnostics include vnet-injection-requires-premium" codes-text)
        (cachespec-test-check (member "unknown-key" codes) "diagnostics include unknown-key" codes-text)
        (cachespec-test-check (= (length diagnostics) (car expected))
                              (format "diagnostic count equals the CLI (%d)" (car expected))
                              (format "got %d" (length diagnostics)))
        (cachespec-test-check (equal codes (cdr expected)) "diagnostic codes equal the CLI"
                              (format "eglot: %s / cli: %s" codes-text (string-join (cdr expected) ", "))))

      ;; Hover on the vnetInjection key of the Standard cache: the guidance says it needs Premium.
      (let ((position (cachespec-test-key-position "^ +\\(vnetInjection\\):")))
        (when (cachespec-test-check position "the file has a vnetInjection key")
          (goto-char position)
          (condition-case err
              (let* ((result (jsonrpc-request server :textDocument/hover
                                              (eglot--TextDocumentPositionParams)))
                     (contents (plist-get result :contents))
                     (value (if (stringp contents) contents (plist-get contents :value))))
                (cachespec-test-check (equal (plist-get contents :kind) "markdown")
                                      "hover answers with markdown" (format "%S" contents))
                (cachespec-test-check (and (stringp value)
                                           (string-match-p "guidance" (downcase value))
                                           (string-match-p "Premium" value))
                                      "hover text mentions the guidance and Premium" (format "%S" value)))
            (error (cachespec-test-check nil "hover answers without error" (format "%S" err))))))

      ;; Completion at a key position: an empty, indented line just below the first "    isolation:".
      (let ((position (cachespec-test-key-position "^    \\(isolation\\):[ \t]*$")))
        (when (cachespec-test-check position "the file has an isolation mapping")
          (goto-char position)
          (end-of-line)
          (insert "\n      ")
          (condition-case err
              ;; :deferred makes eglot send the pending didChange first, as its own completion does.
              (let* ((result (jsonrpc-request server :textDocument/completion
                                              (eglot--TextDocumentPositionParams)
                                              :deferred :textDocument/completion))
                     (items (append (if (vectorp result) result (plist-get result :items)) nil))
                     (labels (mapcar (lambda (item) (plist-get item :label)) items)))
                (cachespec-test-check items "completion offers items at a key position" (format "%S" result))
                (cachespec-test-check (and (member "publicNetworkAccess" labels)
                                           (member "firewallRules" labels)
                                           (not (member "vnetInjection" labels)))
                                      "completion offers the missing isolation keys, not the present one"
                                      (string-join labels ", ")))
            (error (cachespec-test-check nil "completion answers without error" (format "%S" err))))
          ;; Put the file back as it was; the buffer is never saved.
          (delete-region (line-end-position 0) (line-end-position))
          (set-buffer-modified-p nil)))

      ;; Stop the server cleanly (shutdown + exit).
      (condition-case err
          (eglot-shutdown server)
        (error (cachespec-test-check nil "eglot-shutdown runs without error" (error-message-string err))))
      (cachespec-test-check (cachespec-test-wait (lambda () (not (jsonrpc-running-p server))) 5)
                            "the server stops on request"))))

(condition-case err
    (cachespec-test-run (and command-line-args-left (expand-file-name (car command-line-args-left))))
  (error (cachespec-test-check nil "the test script ran to the end" (format "%S" err))))
(cachespec-test-print "cachespec-test.el: %d passed, %d failed" cachespec-test-passed cachespec-test-failed)
(kill-emacs (if (> cachespec-test-failed 0) 1 0))

;;; cachespec-test.el ends here
