/* The office's additions to Decap CMS: the Indonesian interface (Decap ships none), the form's
   own widgets (citation with the registry as suggestions, social text with a live length counter,
   alt text required with an image) and the save hook (excerpt marker, no empty keys). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var MORE = "<!-- more -->";

  var id = {
    auth: {
      login: "Masuk",
      loggingIn: "Sedang masuk...",
      loginWithNetlifyIdentity: "Masuk dengan Netlify Identity",
      loginWithAzure: "Masuk dengan Azure",
      loginWithBitbucket: "Masuk dengan Bitbucket",
      loginWithGitHub: "Masuk dengan GitHub",
      loginWithGitLab: "Masuk dengan GitLab",
      loginWithGitea: "Masuk dengan Gitea",
      loginWithForgejo: "Masuk dengan Forgejo",
      errors: {
        email: "Isi alamat surel Anda.",
        password: "Isi kata sandi Anda.",
        identitySettings: "Pengaturan identitas tidak dapat dibuka. Hubungi pengelola situs."
      }
    },
    app: {
      header: { content: "Draf", workflow: "Alur Kerja", media: "Gambar", quickAdd: "Buat baru" },
      app: {
        errorHeader: "Konfigurasi editor gagal dimuat",
        configErrors: "Kesalahan konfigurasi",
        checkConfigYml: "Jalankan kpu cms config lalu bangun ulang situs.",
        loadingConfig: "Memuat konfigurasi...",
        waitingBackend: "Menunggu penyimpanan (GitHub)..."
      },
      notFoundPage: { header: "Halaman tidak ditemukan" }
    },
    collection: {
      sidebar: {
        collections: "Koleksi",
        allCollections: "Semua koleksi",
        searchAll: "Cari di semua",
        searchIn: "Cari di"
      },
      collectionTop: {
        sortBy: "Urutkan",
        viewAs: "Tampilan",
        viewAsList: "Tampilan daftar",
        viewAsGrid: "Tampilan kisi",
        newButton: "+ Buat %{collectionLabel}",
        newButtonAriaLabel: "Buat %{collectionLabel} baru",
        ascending: "Naik",
        descending: "Turun",
        searchResults: 'Hasil pencarian "%{searchTerm}"',
        searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
        filterBy: "Saring",
        groupBy: "Kelompokkan"
      },
      entries: {
        loadingEntries: "Memuat draf...",
        cachingEntries: "Menyiapkan draf...",
        longerLoading: "Ini dapat memakan waktu beberapa menit",
        noEntries: "Belum ada draf yang sudah digabung. Draf yang sedang ditulis ada di Alur Kerja.",
        unpublishedHeader: "Belum diterbitkan"
      },
      groups: { other: "Lainnya", negateLabel: "Bukan %{label}" },
      defaultFields: { author: { label: "Penulis" }, updatedOn: { label: "Diperbarui" } }
    },
    editor: {
      editorControl: { field: { optional: "opsional", widgetLabel: "kolom %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          required: "%{fieldLabel} wajib diisi.",
          regexPattern: "%{fieldLabel} tidak sesuai: %{pattern}",
          processing: "%{fieldLabel} sedang diproses.",
          range: "%{fieldLabel} harus antara %{minValue} dan %{maxValue}.",
          min: "%{fieldLabel} minimal %{minValue}.",
          max: "%{fieldLabel} maksimal %{maxValue}.",
          rangeCount: "%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} butir.",
          rangeCountExact: "%{fieldLabel} harus berisi tepat %{count} butir.",
          rangeMin: "%{fieldLabel} minimal berisi %{minCount} butir.",
          rangeMax: "%{fieldLabel} maksimal berisi %{maxCount} butir.",
          invalidPath: "'%{path}' bukan jalur yang sah",
          pathExists: "Jalur '%{path}' sudah ada"
        },
        i18n: {
          writingInLocale: "Menulis dalam %{locale}",
          copyFromLocale: "Salin dari bahasa lain",
          copyFromLocaleConfirm: "Salin isi dari %{locale}?\nSemua isi yang ada akan ditimpa."
        }
      },
      editor: {
        onLeavePage: "Yakin meninggalkan halaman ini? Perubahan yang belum disimpan akan hilang.",
        onUpdatingWithUnsavedChanges: "Ada perubahan yang belum disimpan. Simpan dulu sebelum mengubah status.",
        onPublishingNotReady: 'Ubah status ke "Siap" sebelum menggabungkan.',
        onPublishingWithUnsavedChanges: "Ada perubahan yang belum disimpan. Simpan dulu sebelum menggabungkan.",
        onPublishing: "Gabungkan draf ini ke cabang utama? Lakukan hanya setelah Subbag Hukum dan Divisi Pengusul/Ketua menyetujui pull request-nya.",
        onUnpublishing: "Batalkan penggabungan draf ini?",
        onDeleteWithUnsavedChanges: "Hapus draf ini beserta perubahan yang belum disimpan?",
        onDeletePublishedEntry: "Hapus draf ini dari cabang utama?",
        onDeleteUnpublishedChangesWithUnsavedChanges: "Semua perubahan yang belum digabung, termasuk yang belum disimpan, akan dihapus. Lanjutkan?",
        onDeleteUnpublishedChanges: "Semua perubahan yang belum digabung akan dihapus. Lanjutkan?",
        loadingEntry: "Memuat draf...",
        confirmLoadBackup: "Ada salinan cadangan draf ini di peramban. Pakai salinan itu?"
      },
      editorInterface: {
        toggleI18n: "Tampilkan bahasa lain",
        togglePreview: "Tampilkan pratinjau",
        toggleScrollSync: "Gulir bersamaan",
        toggleNotes: "Tampilkan catatan"
      },
      editorNotesPane: {
        title: "Catatan",
        emptyState: "Belum ada catatan.",
        addNote: "Tambah catatan",
        addPlaceholder: "Tulis catatan...",
        editPlaceholder: "Ubah catatan...",
        save: "Simpan",
        cancel: "Batal",
        edit: "Ubah",
        delete: "Hapus",
        resolve: "Selesai",
        unresolve: "Buka lagi",
        confirmDelete: "Hapus catatan ini?",
        shortcut: "Tekan Ctrl+Enter untuk menambah catatan"
      },
      editorToolbar: {
        publishing: "Menggabungkan...",
        publish: "Gabungkan",
        published: "Sudah digabung",
        unpublish: "Batalkan penggabungan",
        duplicate: "Gandakan",
        unpublishing: "Membatalkan...",
        publishAndCreateNew: "Gabungkan dan buat baru",
        publishAndDuplicate: "Gabungkan dan gandakan",
        deleteUnpublishedChanges: "Hapus perubahan yang belum digabung",
        deleteUnpublishedEntry: "Hapus draf yang belum digabung",
        deletePublishedEntry: "Hapus draf yang sudah digabung",
        deleteEntry: "Hapus draf",
        saving: "Menyimpan...",
        save: "Simpan",
        statusInfoTooltipDraft: "Status: Draf. Setelah selesai menulis, ubah status ke Ditelaah agar diperiksa.",
        statusInfoTooltipInReview: "Draf sedang ditelaah. Anda tetap dapat mengubahnya selama ditelaah.",
        deleting: "Menghapus...",
        updating: "Memperbarui...",
        status: "Status: %{status}",
        backCollection: " Menulis di %{collectionLabel}",
        unsavedChanges: "Belum disimpan",
        changesSaved: "Tersimpan",
        draft: "Draf",
        inReview: "Ditelaah",
        ready: "Siap",
        publishNow: "Gabungkan sekarang",
        deployPreviewPendingButtonLabel: "Periksa pratinjau",
        deployPreviewButtonLabel: "Lihat pratinjau",
        deployButtonLabel: "Lihat di situs"
      },
      editorWidgets: {
        markdown: {
          bold: "Tebal",
          italic: "Miring",
          strikethrough: "Coret",
          code: "Kode",
          link: "Tautan",
          linkPrompt: "Tulis alamat (URL) tautan",
          headings: "Subjudul",
          quote: "Kutipan",
          bulletedList: "Daftar butir",
          numberedList: "Daftar bernomor",
          addComponent: "Sisipkan",
          richText: "Teks",
          markdown: "Markdown",
          toggleMode: { rich: "Ganti ke mode teks", markdown: "Ganti ke mode Markdown" }
        },
        image: {
          choose: "Pilih gambar",
          chooseMultiple: "Pilih gambar",
          chooseUrl: "Sisipkan dari URL",
          replaceUrl: "Ganti dengan URL",
          promptUrl: "Tulis alamat (URL) gambar",
          chooseDifferent: "Pilih gambar lain",
          addMore: "Tambah gambar",
          remove: "Hapus gambar",
          removeAll: "Hapus semua gambar"
        },
        file: {
          choose: "Pilih berkas",
          chooseUrl: "Sisipkan dari URL",
          chooseMultiple: "Pilih berkas",
          replaceUrl: "Ganti dengan URL",
          promptUrl: "Tulis alamat (URL) berkas",
          chooseDifferent: "Pilih berkas lain",
          addMore: "Tambah berkas",
          remove: "Hapus berkas",
          removeAll: "Hapus semua berkas"
        },
        unknownControl: { noControl: "Kolom '%{widget}' tidak dikenal." },
        unknownPreview: { noPreview: "Tidak ada pratinjau untuk '%{widget}'." },
        headingOptions: {
          headingOne: "Subjudul 1",
          headingTwo: "Subjudul 2",
          headingThree: "Subjudul 3",
          headingFour: "Subjudul 4",
          headingFive: "Subjudul 5",
          headingSix: "Subjudul 6"
        },
        datetime: { now: "Sekarang", clear: "Kosongkan", setToNow: "Isi %{fieldLabel} dengan waktu sekarang" },
        list: { add: "Tambah %{item}", addType: "Tambah %{item}" },
        object: { expand: "Buka", collapse: "Tutup" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: {
        draft: "Draf",
        copy: "Salin",
        copyUrl: "Salin URL",
        copyPath: "Salin jalur",
        copyName: "Salin nama",
        copied: "Tersalin"
      },
      mediaLibrary: {
        onDelete: "Hapus gambar yang dipilih?",
        fileTooLarge: "Berkas terlalu besar.\nMaksimum %{size} kB."
      },
      mediaLibraryModal: {
        loading: "Memuat...",
        close: "Tutup",
        noResults: "Tidak ada hasil.",
        noAssetsFound: "Belum ada berkas.",
        noImagesFound: "Belum ada gambar.",
        private: "Pribadi ",
        images: "Gambar",
        mediaAssets: "Berkas",
        search: "Cari...",
        uploading: "Mengunggah...",
        upload: "Unggah",
        download: "Unduh",
        deleting: "Menghapus...",
        deleteSelected: "Hapus yang dipilih",
        chooseSelected: "Pakai yang dipilih"
      }
    },
    ui: {
      default: { goBackToSite: "Kembali ke situs" },
      errorBoundary: {
        title: "Terjadi kesalahan",
        details: "Editor mengalami kesalahan. Salin keterangan di bawah dan kirim ke pengelola situs, atau ",
        reportIt: "laporkan di GitHub.",
        detailsHeading: "Keterangan",
        privacyWarning: "Laporan berisi pesan kesalahan. Periksa dan hapus data pribadi sebelum mengirim.",
        recoveredEntry: {
          heading: "Draf yang diselamatkan",
          warning: "Salin isi ini ke tempat lain sebelum meninggalkan halaman!",
          copyButtonLabel: "Salin"
        }
      },
      settingsDropdown: { logOut: "Keluar", account: "Menu akun" },
      toast: {
        onFailToLoadEntries: "Draf gagal dimuat: %{details}",
        onFailToLoadDeployPreview: "Pratinjau gagal dimuat: %{details}",
        onFailToPersist: "Draf gagal disimpan: %{details}",
        onFailToDelete: "Draf gagal dihapus: %{details}",
        onFailToUpdateStatus: "Status gagal diubah: %{details}",
        missingRequiredField: "Ada kolom wajib yang belum diisi (ditandai merah). Lengkapi dulu, lalu simpan lagi.",
        entrySaved: "Draf tersimpan",
        entryPublished: "Draf digabung",
        entryUnpublished: "Penggabungan dibatalkan",
        onFailToPublishEntry: "Gagal menggabungkan: %{details}",
        onFailToUnpublishEntry: "Gagal membatalkan penggabungan: %{details}",
        entryUpdated: "Status draf diubah",
        onDeleteUnpublishedChanges: "Perubahan yang belum digabung dihapus",
        noteAdded: "Catatan ditambahkan",
        onFailToAddNote: "Catatan gagal ditambahkan: %{details}",
        noteUpdated: "Catatan diubah",
        onFailToUpdateNote: "Catatan gagal diubah: %{details}",
        noteDeleted: "Catatan dihapus",
        onFailToDeleteNote: "Catatan gagal dihapus: %{details}",
        noteResolved: "Catatan selesai",
        noteReopened: "Catatan dibuka lagi",
        onFailToToggleNote: "Catatan gagal diubah: %{details}",
        onFailToAuth: "%{details}",
        onLoggedOut: "Anda sudah keluar. Salin draf yang belum disimpan, lalu masuk lagi.",
        onBackendDown: "Layanan penyimpanan sedang terganggu. Lihat %{details}."
      }
    },
    workflow: {
      workflow: {
        loading: "Memuat alur kerja",
        workflowHeading: "Alur Kerja Draf",
        newPost: "Draf baru",
        description: "%{smart_count} draf menunggu telaah, %{readyCount} siap digabung. |||| %{smart_count} draf menunggu telaah, %{readyCount} siap digabung. ",
        dateFormat: "D MMMM"
      },
      workflowCard: {
        lastChange: "%{date} oleh %{author}",
        lastChangeNoAuthor: "%{date}",
        lastChangeNoDate: "oleh %{author}",
        deleteChanges: "Hapus perubahan",
        deleteNewEntry: "Hapus draf baru",
        publishChanges: "Gabungkan perubahan",
        publishNewEntry: "Gabungkan draf baru"
      },
      workflowList: {
        onDeleteEntry: "Hapus draf ini?",
        onPublishingNotReadyEntry: 'Hanya draf berstatus "Siap" yang dapat digabung. Geser kartunya ke kolom "Siap".',
        onPublishEntry: "Gabungkan draf ini? Lakukan hanya setelah disetujui di pull request.",
        draftHeader: "Draf",
        inReviewHeader: "Ditelaah",
        readyHeader: "Siap",
        currentEntries: "%{smart_count} draf |||| %{smart_count} draf"
      }
    }
  };

  /* Length as the networks count it, roughly: code points, emoji and CJK as 2 on X.
     kpu check computes the exact figure; this is the designer's live guide. */
  function weigh(text) {
    var n = 0;
    Array.from(text).forEach(function (ch) {
      n += /[\u1100-\uFFFF]|[\uD800-\uDFFF]/.test(ch) || ch.codePointAt(0) > 0xffff ? 2 : 1;
    });
    return n;
  }

  var SocialControl = createClass({
    handleChange: function (event) {
      this.props.onChange(event.target.value);
    },
    render: function () {
      var field = this.props.field;
      var value = this.props.value || "";
      var limit = field.get("limit");
      var used = value ? weigh(value) + (field.get("reserved") || 0) : 0;
      var over = limit && used > limit;
      var note = used + " / " + limit + " karakter di " + field.get("limit_label") +
        " (perkiraan, termasuk tautan dan tagar)" +
        (over ? " — terlalu panjang: perpendek " + (used - limit) + " karakter." : "");
      return h("div", null,
        h("textarea", {
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: value,
          rows: 4,
          onChange: this.handleChange,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
          style: { minHeight: "6em", resize: "vertical", fontFamily: "inherit" }
        }),
        h("p", {
          className: "kpu-counter",
          "aria-live": "polite",
          style: { margin: "4px 0 0", fontSize: "13px", color: over ? "#b00020" : "#444" }
        }, note));
    }
  });

  var CitationControl = createClass({
    handleChange: function (event) {
      this.props.onChange(event.target.value);
    },
    render: function () {
      var listId = this.props.forID + "-pilihan";
      var choices = this.props.field.get("choices");
      var options = choices ? choices.toJS() : [];
      return h("div", null,
        h("input", {
          id: this.props.forID,
          className: this.props.classNameWrapper,
          type: "text",
          list: listId,
          value: this.props.value || "",
          placeholder: "Pilih dari daftar atau tulis lengkap",
          onChange: this.handleChange,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle
        }),
        h("datalist", { id: listId }, options.map(function (text) {
          return h("option", { key: text, value: text });
        })));
    }
  });

  var AltControl = createClass({
    handleChange: function (event) {
      this.props.onChange(event.target.value);
    },
    isValid: function () {
      // getEntry() is the live entry; the `entry` prop can be stale (Decap deprecates it).
      var entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      var image = entry && entry.getIn(["data", "image"]);
      if (image && !(this.props.value || "").trim()) {
        return { error: { message: "Teks alternatif wajib diisi jika ada gambar: tulis satu kalimat yang menggambarkan isi gambar untuk pembaca tunanetra." } };
      }
      return true;
    },
    render: function () {
      return h("input", {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        type: "text",
        value: this.props.value || "",
        onChange: this.handleChange,
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle
      });
    }
  });

  /* A date (or date and time) picked in the browser's own picker, stored as `format` says
     (YYYY-MM-DD, or YYYY-MM-DD HH:mm) and shown beneath it the way the site writes dates
     (`display`, e.g. "D MMMM YYYY": 5 Oktober 2026), whatever the browser's own locale. */
  var MONTHS = Array.from({ length: 12 }, function (_, m) {
    return new Intl.DateTimeFormat("id-ID", { month: "long", timeZone: "UTC" })
      .format(new Date(Date.UTC(2026, m, 1)));
  });
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  /* "YYYY-MM-DD" or "YYYY-MM-DD HH:mm" from what the entry holds (a string, or a Date when the
     front matter's YAML parser read a bare date). */
  function isoText(value, withTime) {
    if (value instanceof Date && !isNaN(value)) {
      var day = value.getUTCFullYear() + "-" + pad(value.getUTCMonth() + 1) + "-" + pad(value.getUTCDate());
      return withTime ? day + " " + pad(value.getUTCHours()) + ":" + pad(value.getUTCMinutes()) : day;
    }
    return typeof value === "string" ? value.trim().replace("T", " ") : "";
  }
  function showDate(text, display) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text || "");
    if (!m) return "";
    var parts = { YYYY: m[1], MMMM: MONTHS[Number(m[2]) - 1], DD: m[3], D: String(Number(m[3])),
      HH: m[4] || "00", mm: m[5] || "00" };
    return display.replace(/\[([^\]]*)\]|YYYY|MMMM|DD?|HH|mm/g, function (token, literal) {
      return literal !== undefined ? literal : parts[token];
    });
  }
  var DateControl = createClass({
    withTime: function () { return this.props.field.get("format").indexOf("HH") !== -1; },
    handleChange: function (event) {
      this.props.onChange(event.target.value.replace("T", " "));
    },
    render: function () {
      var withTime = this.withTime();
      var text = isoText(this.props.value, withTime);
      var shown = showDate(text, this.props.field.get("display"));
      return h("div", null,
        h("input", {
          id: this.props.forID,
          className: this.props.classNameWrapper,
          type: withTime ? "datetime-local" : "date",
          value: withTime ? text.replace(" ", "T") : text,
          onChange: this.handleChange,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle
        }),
        h("p", {
          className: "kpu-date-shown",
          "aria-live": "polite",
          style: { margin: "4px 0 0", fontSize: "13px", color: "#444" }
        }, shown ? "Tertulis di situs: " + shown : ""));
    }
  });
  function datePreview(props) {
    var withTime = props.field.get("format").indexOf("HH") !== -1;
    return h("p", null, showDate(isoText(props.value, withTime), props.field.get("display")));
  }

  function textPreview(props) {
    return h("p", null, props.value || "");
  }

  /* The excerpt marker after the first paragraph, when the designer removed or never had it. */
  function withMore(body) {
    if (body.indexOf(MORE) !== -1) return body;
    var blocks = body.trim().split(/\n\s*\n/);
    var first = blocks.findIndex(function (b) { return b && !/^[#|\-*!<>\d]/.test(b.trim()); });
    blocks.splice(first === -1 ? 0 : first + 1, 0, MORE);
    return blocks.join("\n\n") + "\n";
  }

  /* Empty strings, lists and groups are left out: the schema reads a key as "given". */
  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (value && typeof value.toJS === "function") return value.size === 0;
    return false;
  }
  function prune(value) {
    if (value && typeof value.toJS === "function") {
      return value.map(prune).filter(function (v) { return !isEmpty(v); });
    }
    return value;
  }

  CMS.registerLocale("id", id);
  CMS.registerWidget("kpu-social", SocialControl, textPreview);
  CMS.registerWidget("kpu-citation", CitationControl, textPreview);
  CMS.registerWidget("kpu-alt", AltControl, textPreview);
  CMS.registerWidget("kpu-date", DateControl, datePreview);
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var body = data.get("body") || "";
      return prune(data.delete("body")).set("body", withMore(body));
    }
  });
  window.kpuCms = { weigh: weigh, withMore: withMore };
})();
