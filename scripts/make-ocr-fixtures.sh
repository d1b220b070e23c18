#!/usr/bin/env bash
# Generates the OCR fixture images in fixtures/images/ and their manifest.json.
# Needs Debian's imagemagick (6.9), fonts-dejavu-core, fonts-liberation, fonts-noto-cjk and the
# qrcode npm package (a devDependency). Run from the repository root:
#   bash scripts/make-ocr-fixtures.sh
# Every image is drawn from the documented facts in fixtures/images/README.md; none is copied.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/images
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.webp "$out"/*.jpg "$out"/manifest.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

DJ=/usr/share/fonts/truetype/dejavu
LB=/usr/share/fonts/truetype/liberation
NT=/usr/share/fonts/truetype/noto
CJK=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
CJKB=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
CJKS=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
# IM6 defaults that vary between builds, pinned: no metadata, fixed seed.
IM=(convert -define png:exclude-chunks=date,time -depth 8)
entries=()

# entry FILE CLASS EXPECTED DESCRIPTION: EXPECTED is the invite code, a URL for link images, or "".
entry() { entries+=("{\"file\":\"$1\",\"class\":\"$2\",\"expected\":\"$3\",\"description\":\"$4\"}"); }

# text_image FILE SIZE BG FG FONT POINTSIZE TEXT [extra convert args…]: centred text on a plain background.
text_image() {
  local file=$1 size=$2 bg=$3 fg=$4 font=$5 pt=$6 text=$7
  shift 7
  "${IM[@]}" -size "$size" "xc:$bg" -font "$font" -pointsize "$pt" -fill "$fg" -gravity center -annotate +0+0 "$text" "$@" -strip "$tmp/x.png"
  case $file in
    *.webp) "${IM[@]}" "$tmp/x.png" -define webp:lossless=true "$out/$file" ;;
    *) "${IM[@]}" "$tmp/x.png" -strip "$out/$file" ;;
  esac
}

# --- The documented 1009×200 image of "discord.gg/ctkpaarr" (WebP, as the spam posted it) in several fonts.
i=0
for font in "$DJ/DejaVuSans.ttf" "$DJ/DejaVuSans-Bold.ttf" "$DJ/DejaVuSerif.ttf" "$LB/LiberationSans-Regular.ttf" "$LB/LiberationSerif-Bold.ttf" "$LB/LiberationMono-Regular.ttf" "$NT/NotoSansMono-Regular.ttf" "$CJK"; do
  i=$((i + 1))
  name=$(basename "$font" | sed 's/\..*//' | tr 'A-Z' 'a-z')
  text_image "layout-1009x200-$name.webp" 1009x200 white black "$font" 72 'discord.gg/ctkpaarr'
  entry "layout-1009x200-$name.webp" layout-1009x200 ctkpaarr "1009x200, black on white, $name 72pt"
done

# --- Colours and backgrounds.
text_image colour-white-on-black.webp 1009x200 black white "$DJ/DejaVuSans-Bold.ttf" 72 'discord.gg/ctkpaarr'
entry colour-white-on-black.webp colours ctkpaarr "white on black"
text_image colour-blue-on-yellow.webp 1009x200 '#ffe14d' '#1a3a9c' "$LB/LiberationSans-Bold.ttf" 72 'discord.gg/ctkpaarr'
entry colour-blue-on-yellow.webp colours ctkpaarr "blue on yellow"
text_image colour-red-on-green.webp 1009x200 '#3c8c3c' '#c83232' "$DJ/DejaVuSans-Bold.ttf" 72 'discord.gg/ctkpaarr'
entry colour-red-on-green.webp colours ctkpaarr "red on green of similar luma"
text_image colour-pastel.png 800x160 '#f3e6ff' '#7a4fa0' "$LB/LiberationSerif-Regular.ttf" 60 'discord.gg/ctkpaarr'
entry colour-pastel.png colours ctkpaarr "purple on lavender"
"${IM[@]}" -size 1009x200 gradient:'#ff9a9e-#fad0c4' -font "$DJ/DejaVuSans-Bold.ttf" -pointsize 72 -fill '#202020' -gravity center -annotate +0+0 'discord.gg/ctkpaarr' -strip -define webp:lossless=true "$out/colour-gradient.webp"
entry colour-gradient.webp colours ctkpaarr "dark text on a pink gradient"
"${IM[@]}" -size 1009x200 -seed 7 plasma:'#406080-#80a0c0' -blur 0x6 -font "$DJ/DejaVuSans-Bold.ttf" -pointsize 72 -fill white -stroke black -strokewidth 2 -gravity center -annotate +0+0 'discord.gg/ctkpaarr' -strip -quality 80 "$out/colour-photo-background.webp"
entry colour-photo-background.webp colours ctkpaarr "outlined white text on a blurred plasma 'photo'"

text_image colour-jpeg-artifacts.png 1009x200 '#f0f0f0' '#303030' "$LB/LiberationSans-Regular.ttf" 72 'discord.gg/ctkpaarr'
"${IM[@]}" "$out/colour-jpeg-artifacts.png" -quality 35 "$out/colour-jpeg-artifacts.jpg" && rm "$out/colour-jpeg-artifacts.png"
entry colour-jpeg-artifacts.jpg colours ctkpaarr "JPEG at quality 35, with compression artifacts"

# --- Sizes.
text_image size-small-505x100.png 505x100 white black "$DJ/DejaVuSans.ttf" 36 'discord.gg/ctkpaarr'
entry size-small-505x100.png sizes ctkpaarr "half size, 36pt"
text_image size-tiny-300x60.png 300x60 white black "$LB/LiberationSans-Regular.ttf" 22 'discord.gg/ctkpaarr'
entry size-tiny-300x60.png sizes ctkpaarr "300x60, 22pt"
text_image size-large-2018x400.webp 2018x400 white black "$DJ/DejaVuSans.ttf" 144 'discord.gg/ctkpaarr'
entry size-large-2018x400.webp sizes ctkpaarr "double size, 144pt"
text_image size-square-1080.webp 1080x1080 '#fafafa' '#111111' "$LB/LiberationSans-Bold.ttf" 64 'Join us!\n\ndiscord.gg/ctkpaarr'
entry size-square-1080.webp sizes ctkpaarr "1080x1080 square with a short line above"

# --- Other invite forms and codes.
text_image form-https.webp 1009x200 white black "$DJ/DejaVuSans.ttf" 56 'https://discord.gg/ctkpaarr'
entry form-https.webp forms ctkpaarr "with https://"
text_image form-invite-path.webp 1100x200 white black "$LB/LiberationSans-Regular.ttf" 54 'discord.com/invite/ctkpaarr'
entry form-invite-path.webp forms ctkpaarr "discord.com/invite/"
text_image form-mixed-case-code.webp 1009x200 white black "$DJ/DejaVuSans.ttf" 72 'discord.gg/annycW3Xrk'
entry form-mixed-case-code.webp forms annycW3Xrk "the nuke-bot text's mixed-case code"
text_image form-code-l1-o0.webp 1009x200 white '#222222' "$LB/LiberationSans-Regular.ttf" 72 'discord.gg/TfcWHMV4'
entry form-code-l1-o0.webp forms TfcWHMV4 "another documented code"
text_image form-spaced.webp 1200x200 white black "$DJ/DejaVuSans.ttf" 64 'discord . gg / ctkpaarr'
entry form-spaced.webp forms ctkpaarr "spaced to dodge keyword filters"
text_image form-rotated.png 1009x300 white black "$DJ/DejaVuSans-Bold.ttf" 64 'discord.gg/ctkpaarr' -rotate 4 -gravity center -extent 1009x300
entry form-rotated.png forms ctkpaarr "rotated 4 degrees"

# --- Japanese text beside the URL (the group's own wording).
text_image japanese-beside-url.webp 1009x200 white black "$CJK" 48 '荒らし共栄圏 公式 discord.gg/ctkpaarr'
entry japanese-beside-url.webp japanese ctkpaarr "荒らし共栄圏 公式 before the URL, Noto Sans CJK"
text_image japanese-two-lines.webp 1009x300 white '#1a1a1a' "$CJKB" 56 '荒らし共栄圏\ndiscord.gg/ctkpaarr'
entry japanese-two-lines.webp japanese ctkpaarr "Japanese line above the URL, Noto Sans CJK Bold"
text_image japanese-serif.png 1009x260 '#fffbe6' black "$CJKS" 44 '画像が貼れなかったのでメンションだけします\ndiscord.gg/ctkpaarr'
entry japanese-serif.png japanese ctkpaarr "the documented sentence above the URL, Noto Serif CJK"

# --- A can of SPAM with the invite on its label, at the documented 200x200 and 1080x1080.
spam_can() {
  local file=$1 size=$2 scale=$3 angle=$4
  local s=$scale
  "${IM[@]}" -size 400x400 xc:'#f2f2f2' \
    -fill '#1b3f8f' -draw "roundrectangle 70,40 330,360 30,30" \
    -fill '#c8102e' -draw "rectangle 70,120 330,250" \
    -fill '#ffd200' -font "$DJ/DejaVuSans-Bold.ttf" -pointsize 64 -gravity north -annotate +0+128 'SPAM' \
    -fill white -font "$DJ/DejaVuSans-Bold.ttf" -pointsize 20 -gravity north -annotate +0+212 'discord.gg/ctkpaarr' \
    -rotate "$angle" -gravity center -extent 400x400 -resize "$size" -strip "$tmp/can.png"
  "${IM[@]}" "$tmp/can.png" -quality 90 "$out/$file"
  : "$s"
}
spam_can spam-can-200.webp 200x200 1 0
entry spam-can-200.webp spam-can ctkpaarr "SPAM can with the invite on the label, 200x200"
spam_can spam-can-1080.webp 1080x1080 1 0
entry spam-can-1080.webp spam-can ctkpaarr "SPAM can, 1080x1080"
spam_can spam-can-tilted.webp 600x600 1 -6
entry spam-can-tilted.webp spam-can ctkpaarr "SPAM can tilted 6 degrees, 600x600"

# --- QR codes (qrcode npm package), alone and beside a caption.
qr() { node -e "require('qrcode').toFile(process.argv[1], process.argv[2], { width: Number(process.argv[3]), margin: 2, errorCorrectionLevel: 'M' }, (e) => { if (e) throw e })" "$1" "$2" "$3"; }
qr "$tmp/qr1.png" 'https://discord.gg/ctkpaarr' 300
"${IM[@]}" "$tmp/qr1.png" -strip "$out/qr-invite.png"
entry qr-invite.png qr ctkpaarr "QR code of https://discord.gg/ctkpaarr"
qr "$tmp/qr2.png" 'https://discord.gg/ctkpaarr' 240
"${IM[@]}" -size 640x320 xc:white "$tmp/qr2.png" -gravity west -geometry +30+0 -composite -font "$CJK" -pointsize 36 -fill black -gravity east -annotate +40+0 '荒らし共栄圏\n参加はこちら' -strip "$out/qr-invite-with-caption.png"
entry qr-invite-with-caption.png qr ctkpaarr "QR code of the invite beside a Japanese caption"
qr "$tmp/qr3.png" 'https://yip.su/25X8U6' 300
"${IM[@]}" "$tmp/qr3.png" -strip "$out/qr-shortener.png"
entry qr-shortener.png qr-link 'https://yip.su/25X8U6' "QR code of the November 2024 shortener URL (a link, not an invite)"

# --- Negatives: no invite anywhere.
"${IM[@]}" -size 640x480 -seed 1 plasma:'#2e6b30-#9cc3e6' -blur 0x2 -strip -quality 70 "$out/negative-photo-plasma.webp"
entry negative-photo-plasma.webp negative '' "photo-like plasma noise"
"${IM[@]}" -size 800x600 -seed 2 plasma:fractal -blur 0x1 -strip -quality 70 "$out/negative-photo-fractal.webp"
entry negative-photo-fractal.webp negative '' "fractal plasma"
"${IM[@]}" -size 800x600 -seed 3 plasma:'#c0a080-#304060' -blur 0x3 -strip -quality 75 "$out/negative-photo.jpg"
entry negative-photo.jpg negative '' "a JPEG 'photo' (plasma)"
"${IM[@]}" -size 800x400 gradient:'#0b486b-#f56217' -strip -define webp:lossless=true "$out/negative-gradient.webp"
entry negative-gradient.webp negative '' "a plain gradient"
"${IM[@]}" -size 900x420 xc:white -font "$DJ/DejaVuSans.ttf" -pointsize 26 -fill '#222' -gravity northwest -annotate +30+30 $'Had a lovely walk along the river today.\nThe herons were back, and the first\ncherry blossoms are out near the bridge.\n\nPhotos later tonight! #nature #spring' -strip "$out/negative-screenshot-post.png"
entry negative-screenshot-post.png negative '' "screenshot of an ordinary post"
"${IM[@]}" -size 900x300 xc:'#1e1f22' -font "$LB/LiberationSans-Regular.ttf" -pointsize 30 -fill '#dbdee1' -gravity northwest -annotate +30+40 $'We moved our chat to Discord last year.\nAsk in the #help channel if you need an invite.' -strip "$out/negative-discord-no-invite.png"
entry negative-discord-no-invite.png negative '' "mentions Discord but holds no invite"
text_image negative-other-url.webp 1009x200 white black "$DJ/DejaVuSans.ttf" 56 'https://example.org/blog/2024'
entry negative-other-url.webp negative '' "an ordinary URL"
text_image negative-japanese.webp 1009x200 white black "$CJK" 48 '今日はいい天気ですね。散歩に行きました。'
entry negative-japanese.webp negative '' "ordinary Japanese sentence"
text_image negative-gg-not-discord.webp 1009x200 white black "$DJ/DejaVuSans.ttf" 64 'gg wp! rematch at 9?'
entry negative-gg-not-discord.webp negative '' "gaming chat with gg but no invite"
qr "$tmp/qr4.png" 'https://joinmastodon.org/' 300
"${IM[@]}" "$tmp/qr4.png" -strip "$out/negative-qr-mastodon.png"
entry negative-qr-mastodon.png negative '' "QR code of an ordinary URL"
"${IM[@]}" -size 700x400 xc:white -fill '#4e79a7' -draw 'rectangle 60,300 140,360' -draw 'rectangle 180,220 260,360' -draw 'rectangle 300,120 380,360' -draw 'rectangle 420,180 500,360' -fill black -draw 'line 40,360 660,360' -font "$DJ/DejaVuSans.ttf" -pointsize 22 -gravity north -annotate +0+30 'Visitors per month' -strip "$out/negative-chart.png"
entry negative-chart.png negative '' "a bar chart with a title"

printf '[\n  %s\n]\n' "$(IFS=$'\n'; echo "${entries[*]}" | paste -sd ',' | sed 's/},{/},\n  {/g')" > "$out/manifest.json"
du -ch "$out" | tail -1
