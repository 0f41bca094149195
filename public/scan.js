// Camera scanning for the fields that take a barcode (`input[data-scan]`), on the pages that
// include this script (app/src/components/scan.rs); no other page loads it. Beside each such
// field it adds a camera button that opens the rear camera and reads EAN-13, EAN-8 and UPC-A
// codes: with the browser's BarcodeDetector where it has one, else with ruche's own WASM
// decoder (/pkg/scanner.js, the `scanner` crate), fetched the first time it is needed. A code
// read fills the field and sends its form, as a hand scanner's Enter would. The texts come
// from the script element's data-* attributes, in the person's language.
(function () {
  "use strict";
  var script = document.currentScript;
  var text = function (name, fallback) {
    return (script && script.dataset[name]) || fallback;
  };
  var fields = document.querySelectorAll("input[data-scan]");
  var media = navigator.mediaDevices;
  if (!fields.length || !media || !media.getUserMedia) {
    return;
  }

  // One decoder for the page: the browser's, or the WASM one, loaded once.
  var decoder = null;
  function getDecoder() {
    if (!decoder) {
      decoder = nativeDecoder().then(function (native) {
        return native || wasmDecoder();
      });
    }
    return decoder;
  }

  function nativeDecoder() {
    if (!("BarcodeDetector" in window)) {
      return Promise.resolve(null);
    }
    var wanted = ["ean_13", "ean_8", "upc_a"];
    return window.BarcodeDetector.getSupportedFormats()
      .then(function (formats) {
        var usable = wanted.filter(function (f) {
          return formats.indexOf(f) >= 0;
        });
        if (usable.length < wanted.length) {
          return null;
        }
        var detector = new window.BarcodeDetector({ formats: wanted });
        return function (video) {
          return detector.detect(video).then(function (codes) {
            if (!codes.length) {
              return null;
            }
            // UPC-A comes with its 12 digits: as EAN-13 (a leading 0), as the WASM decoder and
            // the till's nomenclature read it.
            var code = codes[0].rawValue;
            return /^[0-9]{12}$/.test(code) ? "0" + code : code;
          });
        };
      })
      .catch(function () {
        return null;
      });
  }

  function wasmDecoder() {
    return import("/pkg/scanner.js").then(function (m) {
      // The bindings name no default place for the module: say where it is.
      return m.default({ module_or_path: "/pkg/scanner_bg.wasm" }).then(function () {
        var canvas = document.createElement("canvas");
        var context = canvas.getContext("2d", { willReadFrequently: true });
        return function (video) {
          var w = video.videoWidth;
          var h = video.videoHeight;
          if (!w || !h) {
            return Promise.resolve(null);
          }
          // A frame at most 960 pixels wide is enough for a barcode held close.
          var scale = Math.min(1, 960 / w);
          canvas.width = Math.round(w * scale);
          canvas.height = Math.round(h * scale);
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          var rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
          var gray = new Uint8Array(canvas.width * canvas.height);
          for (var i = 0, j = 0; i < gray.length; i += 1, j += 4) {
            gray[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
          }
          return Promise.resolve(m.decode(gray, canvas.width, canvas.height) || null);
        };
      });
    });
  }

  // The camera's view, over the page, with a close button.
  function open(field) {
    var overlay = document.createElement("div");
    overlay.className = "scan-overlay";
    overlay.setAttribute("role", "dialog");
    var video = document.createElement("video");
    video.setAttribute("playsinline", "");
    video.muted = true;
    var hint = document.createElement("p");
    hint.textContent = text("aim", "Aim at the barcode");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "button";
    close.textContent = text("close", "Close");
    overlay.append(video, hint, close);
    document.body.append(overlay);

    var stream = null;
    var done = false;
    function stop() {
      done = true;
      if (stream) {
        stream.getTracks().forEach(function (t) {
          t.stop();
        });
      }
      overlay.remove();
      field.focus();
    }
    close.addEventListener("click", stop);

    function found(code) {
      stop();
      field.value = code;
      if (field.form) {
        field.form.requestSubmit();
      }
    }

    function look(decode) {
      if (done) {
        return;
      }
      decode(video)
        .then(function (code) {
          if (code && /^([0-9]{8}|[0-9]{13})$/.test(code)) {
            found(code);
          } else {
            setTimeout(function () {
              look(decode);
            }, 150);
          }
        })
        .catch(function () {
          setTimeout(function () {
            look(decode);
          }, 300);
        });
    }

    media
      .getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (s) {
        stream = s;
        if (done) {
          stop();
          return;
        }
        video.srcObject = s;
        return video.play().then(getDecoder).then(look);
      })
      .catch(function () {
        hint.textContent = text("failed", "The camera cannot be used.");
      });
  }

  fields.forEach(function (field) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button scan-camera";
    button.textContent = text("camera", "Camera");
    button.addEventListener("click", function () {
      open(field);
    });
    field.insertAdjacentElement("afterend", button);
  });
})();
