<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>ワークショップ(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Add card here</source>
        <translation>ここにカードを追加</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Addresses pain point</source>
        <translation>対応する問題点</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>テキストを編集</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Kind default</source>
        <translation>種類の既定色</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Card colour</source>
        <translation>カードの色</translation>
    </message>
    <message>
        <source>(no pain points in this map)</source>
        <translation>（このマップには問題点がありません）</translation>
    </message>
    <message>
        <source>Redo skipped</source>
        <translation>やり直しを省略しました</translation>
    </message>
    <message>
        <source>Undo skipped</source>
        <translation>元に戻すを省略しました</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>カードを追加</translation>
    </message>
    <message>
        <source>Duplicate cards</source>
        <translation>カードを複製</translation>
    </message>
    <message>
        <source>Move cards</source>
        <translation>カードを移動</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>カードを移動</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新しいステージ</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>ステージを追加</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新しいレーン</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>レーンを追加</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>セグメントを追加</translation>
    </message>
    <message>
        <source>Add path</source>
        <translation>パスを追加</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>ステージを移動</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>レーンを移動</translation>
    </message>
    <message>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <source>customer feeling</source>
        <translation>顧客の気持ち</translation>
    </message>
    <message>
        <source>what is at stake</source>
        <translation>懸かっていること</translation>
    </message>
    <message>
        <source>team actions</source>
        <translation>チームの行動</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>exit criteria</source>
        <translation>次ステージへの条件</translation>
    </message>
    <message>
        <source>emotions</source>
        <translation>感情</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>conversion rate</source>
        <translation>コンバージョン率</translation>
    </message>
    <message>
        <source>description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(無題)</translation>
    </message>
    <message>
        <source>Set emotion of &quot;%1&quot;</source>
        <translation>「%1」の感情を設定</translation>
    </message>
    <message>
        <source>Edit map %1</source>
        <translation>マップの%1を編集</translation>
    </message>
    <message>
        <source>Edit map</source>
        <translation>マップを編集</translation>
    </message>
    <message>
        <source>Edit %1 of &quot;%2&quot;</source>
        <translation>「%2」の%1を編集</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>「%1」を編集</translation>
    </message>
    <message>
        <source>Edit %1 of %2 cards</source>
        <translation>%2枚のカードの%1を編集</translation>
    </message>
    <message>
        <source>Edit %1 cards</source>
        <translation>%1枚のカードを編集</translation>
    </message>
    <message>
        <source>Add transition</source>
        <translation>遷移を追加</translation>
    </message>
    <message>
        <source>Link cards</source>
        <translation>カードをリンク</translation>
    </message>
    <message>
        <source>Moments of truth</source>
        <translation>真実の瞬間</translation>
    </message>
    <message>
        <source>Journey health check</source>
        <translation>ジャーニーの健全性チェック</translation>
    </message>
    <message>
        <source>✓ No findings: every stage is reachable and has a way out, touchpoints and exit criteria; every moment of truth has an owner; every pain point has an idea.</source>
        <translation>✓ 問題は見つかりませんでした。すべてのステージに到達でき、次に進む経路、タッチポイント、フェーズのゴールがあります。すべての真実の瞬間に担当者がいて、すべての問題点にアイディアがあります。</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; cannot be reached from the first stage</source>
        <translation>ステージ「%1」には最初のステージから到達できません</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; has no way out</source>
        <translation>ステージ「%1」から先に進む経路がありません</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; has no touchpoint</source>
        <translation>ステージ「%1」にタッチポイントがありません</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot; has no exit criteria</source>
        <translation>ステージ「%1」にフェーズのゴールがありません</translation>
    </message>
    <message>
        <source>Moment of truth &quot;%1&quot; has no owner</source>
        <translation>真実の瞬間「%1」に担当者がいません</translation>
    </message>
    <message>
        <source>Pain point &quot;%1&quot; has no linked idea</source>
        <translation>問題点「%1」にリンクされたアイディアがありません</translation>
    </message>
    <message>
        <source>is open in another Journey Map Editor</source>
        <translation>別の Journey Map Editor で開かれています</translation>
    </message>
    <message>
        <source>is already open in another window of this Journey Map Editor</source>
        <translation>この Journey Map Editor の別のウィンドウで既に開かれています</translation>
    </message>
    <message>
        <source>is open in another Journey Map Editor (pid %1 on host %2)</source>
        <translation>別の Journey Map Editor で開かれています（ホスト %2、プロセス ID %1）</translation>
    </message>
    <message>
        <source>the folder for its lock cannot be made (%1)</source>
        <translation>ロック用のフォルダーを作成できません（%1）</translation>
    </message>
    <message>
        <source>something that is not a lock file has the lock&apos;s name %1</source>
        <translation>ロックファイルではないもの（%1）がロックの名前を使っています</translation>
    </message>
    <message>
        <source>its lock file %1 cannot be written</source>
        <translation>ロックファイル %1 に書き込めません</translation>
    </message>
    <message>
        <source>its lock file %1 cannot be made</source>
        <translation>ロックファイル %1 を作成できません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is open in another Journey Map Editor.</source>
        <translation>「%1」は別の Journey Map Editor で開かれています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already open in another window of this Journey Map Editor.</source>
        <translation>「%1」はこの Journey Map Editor の別のウィンドウで既に開かれています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is open in another Journey Map Editor (pid %2 on host %3).</source>
        <translation>「%1」は別の Journey Map Editor で開かれています（ホスト %3、プロセス ID %2）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be locked: %2. Another Journey Map Editor could open it too, and the two would overwrite each other&apos;s changes: keep it open in one editor only.</source>
        <translation>「%1」をロックできませんでした: %2。別の Journey Map Editor でも開けてしまい、互いの変更を上書きするおそれがあります。このファイルは一つのエディターだけで開いてください。</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>ファイルは使用中です</translation>
    </message>
    <message>
        <source>Two editors saving the same file would overwrite each other&apos;s changes. Open it read-only, or open a copy to save elsewhere.</source>
        <translation>2 つのエディターで同じファイルを保存すると、互いの変更が上書きされます。読み取り専用で開くか、コピーを開いて別の場所に保存してください。</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>読み取り専用で開く(&amp;R)</translation>
    </message>
    <message>
        <source>Open a &amp;Copy</source>
        <translation>コピーを開く(&amp;C)</translation>
    </message>
    <message>
        <source>Recover unsaved maps</source>
        <translation>保存されていないマップの復元</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>マップ</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>元のファイル</translation>
    </message>
    <message>
        <source>Autosaved</source>
        <translation>自動保存日時</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <source>Journey Map Editor did not close properly. These maps had changes that were not saved. Maps kept for later are offered again at the next start.</source>
        <translation>Journey Map Editor が正しく終了しませんでした。これらのマップには保存されていない変更がありました。保留にしたマップは、次回の起動時にもう一度表示されます。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>Keep All for Later</source>
        <translation>すべて保留</translation>
    </message>
    <message>
        <source>(never saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Segments &amp;&amp; paths</source>
        <translation>セグメントとパス</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>色…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Keep to 3–4 segments: more makes the map hard to read.</source>
        <translation>セグメントは 3～4 個までにしてください。多すぎるとマップが読みにくくなります。</translation>
    </message>
    <message>
        <source>Show segment:</source>
        <translation>表示するセグメント:</translation>
    </message>
    <message>
        <source>Journey paths</source>
        <translation>ジャーニーパス</translation>
    </message>
    <message>
        <source>Add from selected stages</source>
        <translation>選択したステージから追加</translation>
    </message>
    <message>
        <source>Highlight path:</source>
        <translation>強調表示するパス:</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>すべてのセグメント</translation>
    </message>
    <message>
        <source>No highlight</source>
        <translation>強調表示なし</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>セグメント %1</translation>
    </message>
    <message>
        <source>Path %1</source>
        <translation>パス %1</translation>
    </message>
    <message>
        <source>{file}: {reason} (at {where})</source>
        <translation>{file}: {reason}（場所: {where}）</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies when you restart Journey Map Editor.</source>
        <translation>新しい言語は Journey Map Editor の再起動後に適用されます。</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>オレンジ</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>ピンク</translation>
    </message>
    <message>
        <source>Lilac</source>
        <translation>ライラック</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>緑</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>ミント</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>グレー</translation>
    </message>
    <message>
        <source>Idea addresses pain point</source>
        <translation>アイディア → 対応する問題点</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>矢印キー</translation>
    </message>
    <message>
        <source>Select the card next to the selected one</source>
        <translation>選択中のカードの隣のカードを選択</translation>
    </message>
    <message>
        <source>Ctrl+Arrow keys</source>
        <translation>Ctrl+矢印キー</translation>
    </message>
    <message>
        <source>Move the selected cards one cell</source>
        <translation>選択したカードを1セル移動</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Select the next / previous card in journey order</source>
        <translation>ジャーニー順で次 / 前のカードを選択</translation>
    </message>
    <message>
        <source>Enter / F2</source>
        <translation>Enter / F2</translation>
    </message>
    <message>
        <source>Edit the selected card or header in place</source>
        <translation>選択したカードやヘッダーをその場で編集</translation>
    </message>
    <message>
        <source>Enter (editing)</source>
        <translation>Enter(編集中)</translation>
    </message>
    <message>
        <source>Finish editing (Shift+Enter: a new line in a card)</source>
        <translation>編集を確定(Shift+Enter: カード内で改行)</translation>
    </message>
    <message>
        <source>Esc (editing)</source>
        <translation>Esc(編集中)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>編集を取り消す</translation>
    </message>
    <message>
        <source>Delete / Backspace</source>
        <translation>Delete / Backspace</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>選択したものを削除</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Ctrl+ホイール</translation>
    </message>
    <message>
        <source>Zoom in or out around the mouse</source>
        <translation>マウスの位置を中心に拡大・縮小</translation>
    </message>
    <message>
        <source>Wheel / Shift+Wheel</source>
        <translation>ホイール / Shift+ホイール</translation>
    </message>
    <message>
        <source>Scroll up and down / left and right</source>
        <translation>上下 / 左右にスクロール</translation>
    </message>
    <message>
        <source>Space+Drag, Middle-drag</source>
        <translation>Space+ドラッグ、中ボタンでドラッグ</translation>
    </message>
    <message>
        <source>Pan the canvas</source>
        <translation>キャンバスを移動</translation>
    </message>
    <message>
        <source>Enter / Shift+Enter (find bar)</source>
        <translation>Enter / Shift+Enter(検索バー)</translation>
    </message>
    <message>
        <source>Go to the next / previous match</source>
        <translation>次 / 前の一致へ移動</translation>
    </message>
    <message>
        <source>Esc (find bar)</source>
        <translation>Esc(検索バー)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>検索バーを閉じる</translation>
    </message>
    <message>
        <source>→ / ←, Page Down / Page Up (presenting)</source>
        <translation>→ / ←、Page Down / Page Up(プレゼンテーション中)</translation>
    </message>
    <message>
        <source>Next / previous stage</source>
        <translation>次 / 前のステージ</translation>
    </message>
    <message>
        <source>Home / End (presenting)</source>
        <translation>Home / End（発表中）</translation>
    </message>
    <message>
        <source>First / last stage</source>
        <translation>最初 / 最後のステージ</translation>
    </message>
    <message>
        <source>Click a card (presenting)</source>
        <translation>カードをクリック(プレゼンテーション中)</translation>
    </message>
    <message>
        <source>Spotlight it; Esc goes back, then out</source>
        <translation>そのカードを拡大表示。Esc で戻り、もう一度で終了</translation>
    </message>
    <message>
        <source>P / + (presenting)</source>
        <translation>P / +（発表中）</translation>
    </message>
    <message>
        <source>Pause or resume the timer / add a minute</source>
        <translation>タイマーの一時停止・再開 / 1分追加</translation>
    </message>
    <message>
        <source>B (presenting, live session)</source>
        <translation>B（発表中、ライブセッション）</translation>
    </message>
    <message>
        <source>Bring everyone to me: participants follow my stage</source>
        <translation>全員を自分の画面へ：参加者が自分のステージについてくる</translation>
    </message>
    <message>
        <source>Menu commands</source>
        <translation>メニューのコマンド</translation>
    </message>
    <message>
        <source>On the canvas</source>
        <translation>キャンバス上</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>ユーザーガイド</translation>
    </message>
    <message>
        <source>The user guide was not found: %1</source>
        <translation>ユーザーガイドが見つかりません: %1</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>Silent brainstorming</source>
        <translation>サイレント・ブレインストーミング</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>ディスカッション</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>ドット投票</translation>
    </message>
    <message>
        <source>Read-out, per person</source>
        <translation>発表(1人あたり)</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休憩</translation>
    </message>
    <message>
        <source>Screen %1: %2(%3×%4)</source>
        <translation>画面 %1: %2(%3×%4)</translation>
    </message>
    <message>
        <source>Automatic (the projector when there are two screens)</source>
        <translation>自動(画面が2つあるときはプロジェクター)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Add participant %1</source>
        <translation>参加者 %1 を追加</translation>
    </message>
    <message>
        <source>Edit participant %1</source>
        <translation>参加者 %1 を編集</translation>
    </message>
    <message>
        <source>Remove participant %1</source>
        <translation>参加者 %1 を削除</translation>
    </message>
    <message>
        <source>Start vote</source>
        <translation>投票を開始</translation>
    </message>
    <message>
        <source>Stop vote</source>
        <translation>投票を終了</translation>
    </message>
    <message>
        <source>Reveal votes</source>
        <translation>投票を公開</translation>
    </message>
    <message>
        <source>Add dot to &quot;%1&quot;</source>
        <translation>「%1」に投票</translation>
    </message>
    <message>
        <source>Remove dot from &quot;%1&quot;</source>
        <translation>「%1」への投票を取り消し</translation>
    </message>
    <message>
        <source>Start private round</source>
        <translation>個人ワークを開始</translation>
    </message>
    <message>
        <source>End private round</source>
        <translation>個人ワークを終了</translation>
    </message>
    <message>
        <source>Reveal private cards</source>
        <translation>非公開のカードを公開</translation>
    </message>
    <message>
        <source>Hide cards</source>
        <translation>カードを非公開に</translation>
    </message>
    <message>
        <source>Show cards</source>
        <translation>カードを公開</translation>
    </message>
    <message>
        <source>Comment on &quot;%1&quot;</source>
        <translation>「%1」にコメント</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>コメントに返信</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>コメントを編集</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>コメントを解決済みに</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>コメントを未解決に戻す</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>コメントを削除</translation>
    </message>
    <message>
        <source>Park &quot;%1&quot;</source>
        <translation>「%1」をパーキングロットへ</translation>
    </message>
    <message>
        <source>Edit parking-lot item</source>
        <translation>パーキングロットの項目を編集</translation>
    </message>
    <message>
        <source>Remove parking-lot item</source>
        <translation>パーキングロットの項目を削除</translation>
    </message>
    <message>
        <source>Move parking-lot item</source>
        <translation>パーキングロットの項目を移動</translation>
    </message>
    <message>
        <source>Turn &quot;%1&quot; into a card</source>
        <translation>「%1」をカードにする</translation>
    </message>
    <message>
        <source>A private card: hidden until the facilitator reveals it</source>
        <translation>非公開カード：ファシリテーターが公開するまで見えません</translation>
    </message>
    <message>
        <source>Private card
(hidden until revealed)</source>
        <translation>非公開カード
（公開まで非表示）</translation>
    </message>
    <message>
        <source>hidden from others</source>
        <translation>他の人には非表示</translation>
    </message>
    <message>
        <source>Private round started: new cards are hidden from others until revealed.</source>
        <translation>個人ラウンドを開始しました：新しいカードは公開まで他の人に見えません。</translation>
    </message>
    <message>
        <source>Private round ended: new cards are shown again; the private ones wait for the reveal.</source>
        <translation>個人ラウンドを終了しました：新しいカードは再び表示されます。非公開のカードは公開を待っています。</translation>
    </message>
    <message>
        <source>%1 private cards revealed.</source>
        <translation>非公開カード %1 枚を公開しました。</translation>
    </message>
    <message>
        <source>Private round · %1 cards hidden</source>
        <translation>個人ラウンド · 非表示のカード %1 枚</translation>
    </message>
    <message>
        <source>%1 private cards wait for the reveal</source>
        <translation>非公開カード %1 枚が公開待ちです</translation>
    </message>
    <message>
        <source>3 dots on pain points and ideas</source>
        <translation>ペインポイントとアイディアに3ドット</translation>
    </message>
    <message>
        <source>5 dots on any card</source>
        <translation>どのカードにも5ドット</translation>
    </message>
    <message>
        <source>Vote started: %1 dots each. Click a card to place a dot; right-click to take one back.</source>
        <translation>投票を開始しました：1人 %1 ドット。カードをクリックするとドットを置き、右クリックで取り消します。</translation>
    </message>
    <message>
        <source>Dot placed on &quot;%1&quot;.</source>
        <translation>「%1」にドットを置きました。</translation>
    </message>
    <message>
        <source>Dot taken back from &quot;%1&quot;.</source>
        <translation>「%1」のドットを取り消しました。</translation>
    </message>
    <message>
        <source>No vote is running.</source>
        <translation>投票は行われていません。</translation>
    </message>
    <message>
        <source>This vote is on %1 cards only.</source>
        <translation>この投票の対象は %1 のカードだけです。</translation>
    </message>
    <message>
        <source>%1 already has %2 dots on this card, the most one person may place.</source>
        <translation>%1 さんはこのカードにすでに %2 ドットを置いています（1人が置ける上限）。</translation>
    </message>
    <message>
        <source>%1 has used all %2 dots.</source>
        <translation>%1 さんは %2 ドットをすべて使いました。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 dots left</source>
        <translation>%1：残り %2 / %3 ドット</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>作成: %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>作成: %1</translation>
    </message>
    <message>
        <source>Last edited by %1</source>
        <translation>最終更新: %1</translation>
    </message>
    <message>
        <source>Last edited %1</source>
        <translation>最終更新: %1</translation>
    </message>
    <message>
        <source>No times recorded (no vote, round or stamped edit yet)</source>
        <translation>記録された時刻はありません(投票・ラウンド・記名の編集がまだありません)</translation>
    </message>
    <message>
        <source>(%1 minutes)</source>
        <translation>(%1 分)</translation>
    </message>
    <message>
        <source>its scenario was deleted</source>
        <translation>そのシナリオは削除されています</translation>
    </message>
    <message>
        <source>Add scenario &quot;%1&quot;</source>
        <translation>シナリオ「%1」を追加</translation>
    </message>
    <message>
        <source>Delete scenario &quot;%1&quot;</source>
        <translation>シナリオ「%1」を削除</translation>
    </message>
    <message>
        <source>Rename scenario &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>シナリオ名を「%1」から「%2」に変更</translation>
    </message>
    <message>
        <source>Move scenario &quot;%1&quot;</source>
        <translation>シナリオ「%1」を移動</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>真実の瞬間</translation>
    </message>
    <message>
        <source>Customer feels</source>
        <translation>顧客が感じること</translation>
    </message>
    <message>
        <source>At stake</source>
        <translation>懸かっているもの</translation>
    </message>
    <message>
        <source>Team actions</source>
        <translation>チームの対応</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <source>(mixed)</source>
        <translation>(混在)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
</context>
<context>
    <name>ColourRow</name>
    <message>
        <source>More…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Any other colour</source>
        <translation>ほかの色を選ぶ</translation>
    </message>
    <message>
        <source>Kind default</source>
        <translation>種類の既定色</translation>
    </message>
    <message>
        <source>The colour of the card&apos;s kind</source>
        <translation>カードの種類の色</translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>(混在)</translation>
    </message>
    <message>
        <source>(kind colour)</source>
        <translation>（種類の色）</translation>
    </message>
    <message>
        <source>Card colour</source>
        <translation>カードの色</translation>
    </message>
</context>
<context>
    <name>CommentView</name>
    <message>
        <source>Someone</source>
        <translation>(不明)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(編集済み)</translation>
    </message>
    <message>
        <source>✓ Resolved</source>
        <translation>✓ 解決済み</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete this comment (and its replies)</source>
        <translation>このコメントを削除(返信も削除されます)</translation>
    </message>
    <message>
        <source>Delete this reply</source>
        <translation>この返信を削除</translation>
    </message>
</context>
<context>
    <name>CommentsDock</name>
    <message>
        <source>Comments</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>返信をやめる</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter sends)</source>
        <translation>コメントを入力…(Ctrl+Enter で送信)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the comment (Ctrl+Enter)</source>
        <translation>コメントを送信(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(無題)</translation>
    </message>
    <message>
        <source>Comments on &quot;%1&quot;</source>
        <translation>「%1」へのコメント</translation>
    </message>
    <message>
        <source>Select one card to read and write its comments.</source>
        <translation>カードを 1 枚選ぶと、そのコメントを読み書きできます。</translation>
    </message>
    <message>
        <source>No comments yet. Write the first one below.</source>
        <translation>まだコメントはありません。下に最初のコメントを書いてください。</translation>
    </message>
    <message>
        <source>A comment can have at most %1 characters; this one has %2.</source>
        <translation>コメントは %1 文字までです(このコメントは %2 文字です)。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>(不明)</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>%1 さんに返信</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Delete Comment</source>
        <translation>コメントの削除</translation>
    </message>
    <message>
        <source>Delete this comment and the reply to it? Undo brings both back.</source>
        <translation>このコメントと、それへの返信を削除しますか? 元に戻すと両方が戻ります。</translation>
    </message>
    <message>
        <source>Delete this comment and the %1 replies to it? Undo brings them back.</source>
        <translation>このコメントと、それへの返信 %1 件を削除しますか? 元に戻すとすべて戻ります。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare Scenarios</source>
        <translation>シナリオの比較</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>入れ替え</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Show unchanged cards</source>
        <translation>変更のないカードも表示</translation>
    </message>
    <message>
        <source>Choose two different scenarios to compare.</source>
        <translation>比較する2つの異なるシナリオを選んでください。</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>追加 (%1)</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>削除 (%1)</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>変更 (%1)</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全顧客</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>%1 (new stage)</source>
        <translation>%1 (新しいステージ)</translation>
    </message>
    <message>
        <source>%1 (stage removed)</source>
        <translation>%1 (削除されたステージ)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>feeling</source>
        <translation>感情</translation>
    </message>
    <message>
        <source>stakes</source>
        <translation>懸かっていること</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>すべきこと</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>レーン</translation>
    </message>
</context>
<context>
    <name>CustomTimerDialog</name>
    <message>
        <source>Start a Timer</source>
        <translation>タイマーを開始</translation>
    </message>
    <message>
        <source>e.g. Silent brainstorming</source>
        <translation>例: サイレント・ブレインストーミング</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>長さ(&amp;L):</translation>
    </message>
    <message>
        <source>La&amp;bel:</source>
        <translation>ラベル(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
</context>
<context>
    <name>EmotionCompareChart</name>
    <message>
        <source>higher</source>
        <translation>上昇</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>低下</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>Card titles print at %1 pt, below the minimum of %2 pt: choose a larger paper or the automatic layout.</source>
        <translation>カードのタイトルが %1 pt になり、最小の %2 pt を下回ります。大きい用紙か「自動」のレイアウトを選んでください。</translation>
    </message>
    <message>
        <source>PDF Poster Options</source>
        <translation>PDF ポスターの設定</translation>
    </message>
    <message>
        <source>PowerPoint Options</source>
        <translation>PowerPoint の設定</translation>
    </message>
    <message>
        <source>Widescreen (16:9)</source>
        <translation>ワイド (16:9)</translation>
    </message>
    <message>
        <source>Standard (4:3)</source>
        <translation>標準 (4:3)</translation>
    </message>
    <message>
        <source>Slide shape:</source>
        <translation>スライドの形:</translation>
    </message>
    <message>
        <source>Custom size (plotter)…</source>
        <translation>カスタムサイズ(プロッター)…</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>用紙:</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>カスタムサイズ:</translation>
    </message>
    <message>
        <source>Automatic: one page if the text stays legible, else tiled pages</source>
        <translation>自動:文字が読める大きさなら 1 ページ、そうでなければ複数ページに分割</translation>
    </message>
    <message>
        <source>Always one page (text may get small)</source>
        <translation>常に 1 ページ(文字が小さくなることがあります)</translation>
    </message>
    <message>
        <source>Tiled pages at actual size</source>
        <translation>原寸で複数ページに分割</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>レイアウト:</translation>
    </message>
    <message>
        <source>Smallest card title:</source>
        <translation>カードタイトルの最小サイズ:</translation>
    </message>
    <message>
        <source>Detail pages (one section per stage)</source>
        <translation>詳細ページ(ステージごとの説明)</translation>
    </message>
    <message>
        <source>Working out the pages…</source>
        <translation>ページ割りを計算しています…</translation>
    </message>
    <message>
        <source>The poster prints on one %1 page at %2 %, card titles at %3 pt.</source>
        <translation>ポスターは %1 用紙 1 ページに %2 % で印刷され、カードのタイトルは %3 pt です。</translation>
    </message>
    <message>
        <source>The poster prints on %1 %2 pages (A1 to %3) after an overview page, at %4 %, card titles at %5 pt.</source>
        <translation>ポスターは全体図のあと %2 用紙 %1 ページ(A1〜%3)に %4 % で印刷され、カードのタイトルは %5 pt です。</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <source>Export PDF poster</source>
        <translation>PDF ポスターのエクスポート</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export PowerPoint slides</source>
        <translation>PowerPoint スライドに書き出し</translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint プレゼンテーション (*.pptx)</translation>
    </message>
    <message>
        <source>PowerPoint</source>
        <translation>PowerPoint</translation>
    </message>
    <message>
        <source>Export Excel workbook</source>
        <translation>Excel ブックのエクスポート</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>画像のエクスポート</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG images (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Export workshop record</source>
        <translation>ワークショップ記録をエクスポート</translation>
    </message>
    <message>
        <source>Markdown (*.md);;PDF documents (*.pdf)</source>
        <translation>Markdown (*.md);;PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>workshop record</source>
        <translation>ワークショップ記録</translation>
    </message>
    <message>
        <source>Export running</source>
        <translation>書き出し中</translation>
    </message>
    <message>
        <source>An export to %1 is still running. Wait for it to finish, or cancel it first.</source>
        <translation>%1 への書き出しがまだ実行中です。終わるまで待つか、先にキャンセルしてください。</translation>
    </message>
    <message>
        <source>Stopping the export…</source>
        <translation>書き出しを中止しています…</translation>
    </message>
    <message>
        <source>An export to %1 is still running. Stop it and close the window? Nothing will be written.</source>
        <translation>%1 への書き出しがまだ実行中です。中止してウィンドウを閉じますか？ ファイルは書き出されません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export not available</source>
        <translation>エクスポートを利用できません</translation>
    </message>
    <message>
        <source>The %1 export is not installed: %2</source>
        <translation>%1 のエクスポート機能がインストールされていません: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 をエクスポートしています…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation>書き出しをキャンセルしました。ファイルは書き出されていません</translation>
    </message>
    <message>
        <source>Exported with warnings</source>
        <translation>エクスポートしました（警告あり）</translation>
    </message>
    <message>
        <source>Exported to %1, but:</source>
        <translation>%1 にエクスポートしましたが、次の警告があります:</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
</context>
<context>
    <name>FileMessages</name>
    <message>
        <source>&quot;{title}&quot; is a {kind} card; this vote is on {kinds} only</source>
        <translation>「{title}」は {kind} のカードです。この投票の対象は {kinds} だけです</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>「,」が必要です</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>「:」が必要です</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>二重引用符で囲んだフィールド名が必要です</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>値が必要です</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>余分なデータがあります</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of array</source>
        <translation>リストの終わりの前に余分な「,」があります</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of object</source>
        <translation>オブジェクトの終わりの前に余分な「,」があります</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>不正なエスケープ「\」があります</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>不正な \uXXXX エスケープがあります</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>不正な制御文字があります</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>閉じられていない文字列があります</translation>
    </message>
    <message>
        <source>a card must be an object</source>
        <translation>カードはオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>パスの途中がフォルダーではありません</translation>
    </message>
    <message>
        <source>a scenario needs a name</source>
        <translation>シナリオには名前が必要です</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>another scenario is already named {name}</source>
        <translation>{name} という名前のシナリオがすでにあります</translation>
    </message>
    <message>
        <source>cannot be opened: it is a folder, not a file</source>
        <translation>開けません: ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>cannot be opened: it is not a regular file</source>
        <translation>開けません: 通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot be opened: {detail}</source>
        <translation>開けません: {detail}</translation>
    </message>
    <message>
        <source>cannot be opened: {reason}</source>
        <translation>開けません: {reason}</translation>
    </message>
    <message>
        <source>cannot export to {path}: {cause}</source>
        <translation>{path} に書き出せません：{cause}</translation>
    </message>
    <message>
        <source>card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>card {card} is in lane {lane}</source>
        <translation>カード {card} のレーン {lane}</translation>
    </message>
    <message>
        <source>card {card} is in stage {stage}</source>
        <translation>カード {card} のステージ {stage}</translation>
    </message>
    <message>
        <source>card {card} is tagged with segment {segment}</source>
        <translation>カード {card} に付いたセグメント {segment}</translation>
    </message>
    <message>
        <source>card {id}</source>
        <translation>カード {id}</translation>
    </message>
    <message>
        <source>cards must be a list</source>
        <translation>cards はリストでなければなりません</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>comment {id}</source>
        <translation>コメント {id}</translation>
    </message>
    <message>
        <source>contains a whole number with more than {limit} digits</source>
        <translation>{limit} 桁を超える整数が含まれています</translation>
    </message>
    <message>
        <source>contains a {type}, which is not JSON data</source>
        <translation>JSON のデータではない {type} が含まれています</translation>
    </message>
    <message>
        <source>contains the number {number}, which is too large</source>
        <translation>大きすぎる数値 {number} が含まれています</translation>
    </message>
    <message>
        <source>contains {literal}, which JSON does not allow</source>
        <translation>JSON では使えない {literal} が含まれています</translation>
    </message>
    <message>
        <source>could not be saved: it is a folder, not a file</source>
        <translation>保存できませんでした: ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>could not be saved: the file is read-only</source>
        <translation>保存できませんでした: ファイルが読み取り専用です</translation>
    </message>
    <message>
        <source>could not be saved: the map holds data that a .journey file cannot store ({detail})</source>
        <translation>保存できませんでした: .journey ファイルに保存できないデータがマップに含まれています（{detail}）</translation>
    </message>
    <message>
        <source>could not be saved: {reason}</source>
        <translation>保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>entry {number} of {array}</source>
        <translation>{array} の {number} 番目の項目</translation>
    </message>
    <message>
        <source>format version {version} is not known to this app</source>
        <translation>形式のバージョン {version} はこのアプリでは扱えません</translation>
    </message>
    <message>
        <source>has a format version that is not a whole number: {version}</source>
        <translation>形式のバージョンが整数ではありません: {version}</translation>
    </message>
    <message>
        <source>has a text longer than the limit of {limit:,} characters</source>
        <translation>上限の {limit:,} 文字を超えるテキストがあります</translation>
    </message>
    <message>
        <source>has a text with a lone surrogate escape (\ud800-\udfff), which is not a character</source>
        <translation>文字にならない単独のサロゲートのエスケープ（\ud800〜\udfff）を含むテキストがあります</translation>
    </message>
    <message>
        <source>has a whole number with more than {limit} digits</source>
        <translation>{limit} 桁を超える整数があります</translation>
    </message>
    <message>
        <source>has an empty list of scenarios; a file with &quot;scenarios&quot; needs at least one</source>
        <translation>シナリオの一覧が空です。&quot;scenarios&quot; のあるファイルには少なくとも 1 つのシナリオが必要です</translation>
    </message>
    <message>
        <source>has an unknown format version {version}</source>
        <translation>不明な形式のバージョン {version} です</translation>
    </message>
    <message>
        <source>has both &quot;scenarios&quot; and the map field {field} at its top level; in a file with scenarios every map field belongs to a scenario</source>
        <translation>最上位に &quot;scenarios&quot; とマップのフィールド {field} の両方があります。シナリオのあるファイルでは、マップのフィールドはすべていずれかのシナリオに属します</translation>
    </message>
    <message>
        <source>has more than {limit:,} values (counting its commas, &quot;[&quot; and &quot;{{&quot;), far more than a journey map holds</source>
        <translation>値が {limit:,} 個を超えています（「,」「[」「{{」の数）。ジャーニーマップとしては多すぎます</translation>
    </message>
    <message>
        <source>has no format version: the field &quot;version&quot; is missing</source>
        <translation>形式のバージョンがありません: フィールド「version」がありません</translation>
    </message>
    <message>
        <source>has the field {key} twice in one object</source>
        <translation>一つのオブジェクトにフィールド {key} が二つあります</translation>
    </message>
    <message>
        <source>has the {what} {value} twice, at {first} and {second}; each scenario needs its own</source>
        <translation>{what} {value} が {first} と {second} の 2 か所にあります。シナリオごとに別のものが必要です</translation>
    </message>
    <message>
        <source>has {count:,} elements, more than the limit of {limit:,}</source>
        <translation>要素が {count:,} 個あり、上限の {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>has {count:,} scenarios, more than the limit of {limit:,}</source>
        <translation>シナリオが {count:,} 個あり、上限の {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>in a version 0 file a card&apos;s {field} must be a {field} number from 0 to {last}, found {value}</source>
        <translation>バージョン 0 のファイルでは、カードの {field} は 0 から {last} までの番号でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>is UTF-16 text, not UTF-8 (save the file as UTF-8)</source>
        <translation>UTF-8 ではなく UTF-16 のテキストです（UTF-8 で保存し直してください）</translation>
    </message>
    <message>
        <source>is empty: it contains no journey map</source>
        <translation>空です: ジャーニーマップが含まれていません</translation>
    </message>
    <message>
        <source>is larger than the limit of {limit} MiB</source>
        <translation>上限の {limit} MiB を超える大きさです</translation>
    </message>
    <message>
        <source>is nested deeper than the limit of {limit} levels</source>
        <translation>入れ子が上限の {limit} 段を超えています</translation>
    </message>
    <message>
        <source>is not UTF-8 text: the byte 0x{byte:02x} is not valid UTF-8 (save the file as UTF-8)</source>
        <translation>UTF-8 のテキストではありません: バイト 0x{byte:02x} は UTF-8 として正しくありません（UTF-8 で保存し直してください）</translation>
    </message>
    <message>
        <source>is not a journey map: it holds {type}, not a JSON object</source>
        <translation>ジャーニーマップではありません: JSON オブジェクトではなく{type}が入っています</translation>
    </message>
    <message>
        <source>is not a journey map: its format is {format}, expected &quot;{expected}&quot;</source>
        <translation>ジャーニーマップではありません: 形式が {format} です（「{expected}」である必要があります）</translation>
    </message>
    <message>
        <source>is not a journey map: the field &quot;format&quot; is missing</source>
        <translation>ジャーニーマップではありません: フィールド「format」がありません</translation>
    </message>
    <message>
        <source>is not valid JSON: {reason}</source>
        <translation>正しい JSON ではありません: {reason}</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>line {line}, byte {column}</source>
        <translation>{line} 行目、{column} バイト目</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>{line} 行目、{column} 文字目</translation>
    </message>
    <message>
        <source>link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>link {id} leads to card {end}</source>
        <translation>リンク {id} の行き先のカード {end}</translation>
    </message>
    <message>
        <source>link {id} starts and ends at the same card {end}</source>
        <translation>リンク {id} の始まりと行き先が同じカード {end} です</translation>
    </message>
    <message>
        <source>link {id} starts at card {end}</source>
        <translation>リンク {id} の始まりのカード {end}</translation>
    </message>
    <message>
        <source>names {current} as its current scenario, but no scenario has that id; the scenarios are {ids}</source>
        <translation>現在のシナリオとして {current} を指定していますが、その ID のシナリオはありません。シナリオは {ids} です</translation>
    </message>
    <message>
        <source>no vote is running: start a vote first</source>
        <translation>投票は行われていません。先に投票を始めてください</translation>
    </message>
    <message>
        <source>no vote is running: the dots can no longer be taken back</source>
        <translation>投票は終わっています。ドットはもう取り消せません</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>{number} 番目</translation>
    </message>
    <message>
        <source>parking item</source>
        <translation>パーキングロットの項目</translation>
    </message>
    <message>
        <source>parking item {id}</source>
        <translation>パーキングロットの項目 {id}</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>participant &quot;{name}&quot; cannot be removed: {uses} still name them</source>
        <translation>参加者「{name}」は削除できません。{uses} がこの参加者を参照しています</translation>
    </message>
    <message>
        <source>path</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>path {path} goes through stage {stage}</source>
        <translation>パス {path} が通るステージ {stage}</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>アクセスが拒否されました</translation>
    </message>
    <message>
        <source>scenario id</source>
        <translation>シナリオ ID</translation>
    </message>
    <message>
        <source>scenario name</source>
        <translation>シナリオ名</translation>
    </message>
    <message>
        <source>scenario {scenario}: {problem}</source>
        <translation>シナリオ {scenario}: {problem}</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>stage {stage} has an emotion for segment {segment}</source>
        <translation>ステージ {stage} の感情に使われたセグメント {segment}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ディスクが読み取り専用です</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>ディスクの割り当て量を超えました</translation>
    </message>
    <message>
        <source>the emotion for segment {segment}</source>
        <translation>セグメント {segment} の感情</translation>
    </message>
    <message>
        <source>the emotion of all customers</source>
        <translation>顧客全体の感情</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>the folder {folder}</source>
        <translation>フォルダー {folder}</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>フォルダー {folder} がありません</translation>
    </message>
    <message>
        <source>the folder {folder} is not writable (permission denied)</source>
        <translation>フォルダー {folder} に書き込めません（権限がありません）</translation>
    </message>
    <message>
        <source>the id {id} is used twice, by {first} and by {second}; ids must be unique across the whole file</source>
        <translation>ID {id} が {first} と {second} の二か所で使われています。ID はファイル全体で一意でなければなりません</translation>
    </message>
    <message>
        <source>the last scenario cannot be removed</source>
        <translation>最後のシナリオは削除できません</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名前が長すぎます</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>この操作は許可されていません</translation>
    </message>
    <message>
        <source>the required field &quot;{field}&quot; is missing</source>
        <translation>必須のフィールド「{field}」がありません</translation>
    </message>
    <message>
        <source>the {field} of exit criterion {number}</source>
        <translation>フェーズのゴール {number} の {field}</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>開いているファイルが多すぎます</translation>
    </message>
    <message>
        <source>transition</source>
        <translation>遷移</translation>
    </message>
    <message>
        <source>transition {id} leads to stage {end}</source>
        <translation>遷移 {id} の行き先のステージ {end}</translation>
    </message>
    <message>
        <source>transition {id} starts and ends at the same stage {end}</source>
        <translation>遷移 {id} の始まりと行き先が同じステージ {end} です</translation>
    </message>
    <message>
        <source>transition {id} starts at stage {end}</source>
        <translation>遷移 {id} の始まりのステージ {end}</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true か false</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>was written in format version {version}, which is newer than this app can read (up to version {current}); update Journey Map Editor to open it</source>
        <translation>形式のバージョン {version} で書かれています。このアプリが読めるのはバージョン {current} までです。開くには Journey Map Editor を更新してください</translation>
    </message>
    <message>
        <source>{array} must be a list of names in a version 0 file</source>
        <translation>バージョン 0 のファイルでは {array} は名前のリストでなければなりません</translation>
    </message>
    <message>
        <source>{array} must be a list of names in a version 0 file, but entry {number} is not text</source>
        <translation>バージョン 0 のファイルでは {array} は名前のリストでなければなりませんが、{number} 番目の項目がテキストではありません</translation>
    </message>
    <message>
        <source>{card} has dots of participant {participant}, who does not exist</source>
        <translation>{card} に存在しない参加者 {participant} の投票があります</translation>
    </message>
    <message>
        <source>{card} has {named} named dots but only {votes} votes (the votes are the total)</source>
        <translation>{card} は名前付きの投票が {named} 票ありますが、投票数（合計）は {votes} 票しかありません</translation>
    </message>
    <message>
        <source>{comment} is on card {card}, which does not exist</source>
        <translation>{comment} のカード {card} が存在しません</translation>
    </message>
    <message>
        <source>{comment} replies to comment {parent}, but a reply must answer a top-level comment of the same card</source>
        <translation>{comment} はコメント {parent} への返信ですが、返信先は同じカードの最上位のコメントでなければなりません</translation>
    </message>
    <message>
        <source>{comment} replies to comment {parent}, which does not exist</source>
        <translation>{comment} の返信先のコメント {parent} が存在しません</translation>
    </message>
    <message>
        <source>{element}: its {field} is participant {participant}, who does not exist</source>
        <translation>{element}: {field} の参加者 {participant} が存在しません</translation>
    </message>
    <message>
        <source>{field} has an empty key</source>
        <translation>{field} に空のキーがあります</translation>
    </message>
    <message>
        <source>{field} has the key {key}, which is longer than 64 characters</source>
        <translation>{field} のキー {key} が 64 文字を超えています</translation>
    </message>
    <message>
        <source>{field} is longer than the limit of {limit:,} characters</source>
        <translation>{field} が上限の {limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>{field} lists the same id twice</source>
        <translation>{field} に同じ ID が二回あります</translation>
    </message>
    <message>
        <source>{field} must be a colour like &quot;#4e79a7&quot; or empty, not {value}</source>
        <translation>{field} は「#4e79a7」のような色か空でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be a colour like &quot;#4e79a7&quot;, not {value}</source>
        <translation>{field} は「#4e79a7」のような色でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be a time like 2025-03-14T09:30:00+09:00, or empty; not {value}</source>
        <translation>{field} は 2025-03-14T09:30:00+09:00 のような日時か空でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be at least {low}, not {value}</source>
        <translation>{field} は {low} 以上でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be from {low} to {high}, not {value}</source>
        <translation>{field} は {low} から {high} まででなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be one of {allowed}; not {value}</source>
        <translation>{field} は {allowed} のいずれかでなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must be {expected}, not {value}</source>
        <translation>{field} は{expected}でなければなりません（実際は {value}）</translation>
    </message>
    <message>
        <source>{field} must not be empty</source>
        <translation>{field} を空にすることはできません</translation>
    </message>
    <message>
        <source>{field}: {detail}</source>
        <translation>{field}: {detail}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first}か{second}</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} はフォルダーではありません</translation>
    </message>
    <message>
        <source>{kind} number {number}</source>
        <translation>{number} 番目の{kind}</translation>
    </message>
    <message>
        <source>{kind} {id}</source>
        <translation>{kind} {id}</translation>
    </message>
    <message>
        <source>{name} already has {mine} of the at most {limit} dots one person may put on &quot;{title}&quot;</source>
        <translation>{name} さんは「{title}」に、1人あたりの上限 {limit} 個のうち {mine} 個のドットをすでに置いています</translation>
    </message>
    <message>
        <source>{name} has no dot on &quot;{title}&quot;</source>
        <translation>{name} さんは「{title}」にドットを置いていません</translation>
    </message>
    <message>
        <source>{name} has used all {count} dots</source>
        <translation>{name} さんは {count} 個のドットをすべて使いました</translation>
    </message>
    <message>
        <source>{reason} ({detail})</source>
        <translation>{reason}（{detail}）</translation>
    </message>
    <message>
        <source>{said}, but that id is a {kind}</source>
        <translation>{said}: その ID は{kind}のものです</translation>
    </message>
    <message>
        <source>{said}, which does not exist</source>
        <translation>{said}が存在しません</translation>
    </message>
    <message>
        <source>{subject}: {problem}</source>
        <translation>{subject}: {problem}</translation>
    </message>
    <message>
        <source>{what} does not exist</source>
        <translation>{what}が存在しません</translation>
    </message>
    <message>
        <source>{what}: text longer than {limit} characters</source>
        <translation>{what}: テキストが {limit} 文字を超えています</translation>
    </message>
    <message>
        <source>{what}: {value} is outside {low}..{high}</source>
        <translation>{what}: {value} は {low}〜{high} の範囲外です</translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message>
        <source>File changed on disk</source>
        <translation>ファイルがディスク上で変更されました</translation>
    </message>
    <message>
        <source>Overwrite it with this map, losing the other changes, or save this map as another file?</source>
        <translation>このマップで上書きしますか (もう一方の変更は失われます)? それとも、このマップを別のファイルとして保存しますか?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>上書き(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; was changed by another program since you opened it.</source>
        <translation>ファイル「%1」は、開いた後に別のプログラムによって変更されています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has changes that are not saved.</source>
        <translation>「%1」には保存されていない変更があります。</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>変更を保存しますか?</translation>
    </message>
    <message>
        <source>Cannot create the map</source>
        <translation>マップを作成できません</translation>
    </message>
    <message>
        <source>Open map</source>
        <translation>マップを開く</translation>
    </message>
    <message>
        <source>Journey maps (*.journey);;All files (*)</source>
        <translation>ジャーニーマップ (*.journey);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>File not locked</source>
        <translation>ファイルをロックできません</translation>
    </message>
    <message>
        <source>Cannot open the map</source>
        <translation>マップを開けません</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 を取り込みました</translation>
    </message>
    <message>
        <source>Import map</source>
        <translation>マップの取り込み</translation>
    </message>
    <message>
        <source>Maps from other tools (*.xlsx *.xlsm *.csv *.tsv *.txt *.mmd *.mermaid *.md *.yaml *.yml);;Excel workbooks (*.xlsx *.xlsm);;CSV files (*.csv *.tsv *.txt);;Mermaid journeys (*.mmd *.mermaid *.md *.txt);;Enablement map YAML (*.yaml *.yml);;All files (*)</source>
        <translation>ほかのツールのマップ (*.xlsx *.xlsm *.csv *.tsv *.txt *.mmd *.mermaid *.md *.yaml *.yml);;Excel ブック (*.xlsx *.xlsm);;CSV ファイル (*.csv *.tsv *.txt);;Mermaid ジャーニー (*.mmd *.mermaid *.md *.txt);;enablement-map YAML (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save map as</source>
        <translation>名前を付けてマップを保存</translation>
    </message>
    <message>
        <source>Journey maps (*.journey)</source>
        <translation>ジャーニーマップ (*.journey)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（コピー）</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1（コピー %2）</translation>
    </message>
    <message>
        <source>Cannot save the map</source>
        <translation>マップを保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>一覧をクリア</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; no longer exists; it was removed from the recent files.</source>
        <translation>「%1」が見つからないため、最近使ったファイルの一覧から削除しました。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Find in titles, details and fields</source>
        <translation>タイトル、詳細、各項目を検索</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>前の一致 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>次の一致 (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>Matches so far: %1…</source>
        <translation>これまでの一致: %1 件…</translation>
    </message>
    <message>
        <source>%1 of %2 so far…</source>
        <translation>これまでの %2 件中 %1 件目…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>一致: %1 件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 件中 %1 件目</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import &quot;%1&quot;</source>
        <translation>「%1」の取り込み</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Our workbook (exported by this editor)</source>
        <translation>このエディタで書き出したブック</translation>
    </message>
    <message>
        <source>Plain grid (stages across, lanes down)</source>
        <translation>表形式のシート(横にステージ、縦にレーン)</translation>
    </message>
    <message>
        <source>CSV of cards</source>
        <translation>カードの CSV</translation>
    </message>
    <message>
        <source>Mermaid journey</source>
        <translation>Mermaid のジャーニー図</translation>
    </message>
    <message>
        <source>Enablement map YAML</source>
        <translation>enablement-map の YAML</translation>
    </message>
    <message>
        <source>None: only what the workbook holds</source>
        <translation>なし: ブックの内容だけを使う</translation>
    </message>
    <message>
        <source>The open map: %1</source>
        <translation>開いているマップ: %1</translation>
    </message>
    <message>
        <source>Another map…</source>
        <translation>ほかのマップ…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>読み方:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <source>Base map:</source>
        <translation>元のマップ:</translation>
    </message>
    <message>
        <source>Reading &quot;%1&quot;… (Cancel stops it)</source>
        <translation>「%1」を読み込んでいます…(キャンセルで中止します)</translation>
    </message>
    <message>
        <source>Import without the %1 skipped rows (listed above); they are not in the map</source>
        <translation>読み飛ばした %1 行(上の一覧)を除いて取り込む。これらの行はマップに入りません</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>プレビューなし</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>自動: %1</translation>
    </message>
    <message>
        <source>The first sheet with content</source>
        <translation>内容のある最初のシート</translation>
    </message>
    <message>
        <source>The open map is the base: %1 of the workbook&apos;s %2 cards are its cards (same ID and title), so the workbook was exported from it.</source>
        <translation>開いているマップを元のマップにします: ブックのカード %2 枚のうち %1 枚がこのマップのカード(ID とタイトルが同じ)なので、ブックはこのマップから書き出されたものです。</translation>
    </message>
    <message>
        <source>No base map: only %1 of the workbook&apos;s %2 cards are cards of the open map (same ID and title); at least half must be.</source>
        <translation>元のマップなし: ブックのカード %2 枚のうち、開いているマップのカード(ID とタイトルが同じ)は %1 枚だけです。半分以上が必要です。</translation>
    </message>
    <message>
        <source>What a workbook cannot hold (lane kinds, card colours, the description) comes from the base map.</source>
        <translation>ブックに入らない情報(レーンの種類、カードの色、説明)は元のマップから取ります。</translation>
    </message>
    <message>
        <source>Another map: %1</source>
        <translation>ほかのマップ: %1</translation>
    </message>
    <message>
        <source>Base map</source>
        <translation>元のマップ</translation>
    </message>
    <message>
        <source>Journey maps (*.journey)</source>
        <translation>ジャーニーマップ (*.journey)</translation>
    </message>
    <message>
        <source>The preview shows the first stages and lanes with a few cards a cell; the map has %1 cards.</source>
        <translation>プレビューは最初のステージとレーンを、1 マスあたり数枚のカードで表示しています。マップのカードは %1 枚です。</translation>
    </message>
</context>
<context>
    <name>ImportSummaryView</name>
    <message>
        <source>What the importer understood</source>
        <translation>読み取った内容</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告(%1)</translation>
    </message>
    <message>
        <source>Skipped rows (%1)</source>
        <translation>読み飛ばした行(%1)</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation>読み方: %1</translation>
    </message>
    <message>
        <source>Nothing was opened. Try another &quot;Read as&quot; choice, or correct the file and import it again.</source>
        <translation>何も開いていません。「読み方」を変えるか、ファイルを直してからもう一度取り込んでください。</translation>
    </message>
    <message>
        <source>This file cannot be imported</source>
        <translation>このファイルは取り込めません</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>Stages (%1)</source>
        <translation>ステージ(%1)</translation>
    </message>
    <message>
        <source>Lanes (%1)</source>
        <translation>レーン(%1)</translation>
    </message>
    <message>
        <source>Lane kinds follow the format.</source>
        <translation>レーンの種類はファイル形式のとおりです。</translation>
    </message>
    <message>
        <source>Lane kinds come from the base map; new lanes&apos; kinds are guessed from their names.</source>
        <translation>レーンの種類は元のマップのものです。新しいレーンの種類は名前から推測しました。</translation>
    </message>
    <message>
        <source>Lane kinds are guessed from the lane names; change them later in the inspector.</source>
        <translation>レーンの種類はレーン名から推測しました。あとでインスペクタで変更できます。</translation>
    </message>
    <message>
        <source>Cards (%1)</source>
        <translation>カード(%1)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>ほか %1 件</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>%1 cards selected</source>
        <translation>%1 枚のカードを選択中</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>マップ</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>遷移</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join live session</source>
        <translation>ライブセッションに参加</translation>
    </message>
    <message>
        <source>How the others see you</source>
        <translation>ほかの参加者に表示される名前</translation>
    </message>
    <message>
        <source>Show sessions announced on the local network</source>
        <translation>ローカルネットワークで告知されたセッションを表示</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>参加(&amp;J)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>リンク:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>あなたの名前:</translation>
    </message>
    <message>
        <source>This link cannot be used: %1</source>
        <translation>このリンクは使えません: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>参加できませんでした: %1</translation>
    </message>
    <message>
        <source>Looking for sessions…</source>
        <translation>セッションを探しています…</translation>
    </message>
    <message>
        <source>Paste the token the host gave you after &quot;token=&quot;: announcements never carry it.</source>
        <translation>ホストから受け取ったトークンを「token=」の後に貼り付けてください（告知にはトークンは含まれません）。</translation>
    </message>
</context>
<context>
    <name>LaneForm</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>LiveShare</name>
    <message>
        <source>Guest</source>
        <translation>ゲスト</translation>
    </message>
    <message>
        <source>Cannot listen on %1, port %2: %3</source>
        <translation>%1 のポート %2 で待ち受けできません: %3</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and its key.</source>
        <translation>TLS には証明書と秘密鍵の両方が必要です。</translation>
    </message>
    <message>
        <source>Cannot use the certificate &quot;%1&quot; with the key &quot;%2&quot;: %3</source>
        <translation>証明書「%1」と秘密鍵「%2」を使用できません: %3</translation>
    </message>
    <message>
        <source>Stopped sharing; the map stays open.</source>
        <translation>共有を停止しました。マップは開いたままです。</translation>
    </message>
    <message>
        <source>Left the live session; the map stays open.</source>
        <translation>ライブセッションから退出しました。マップは開いたままです。</translation>
    </message>
</context>
<context>
    <name>LiveStatusLabel</name>
    <message>
        <source>connected</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Sharing live</source>
        <translation>ライブ共有中</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>participants: %1</source>
        <translation>参加者 %1 人</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;開いた時点&gt;</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>[読み取り専用]</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自動保存に失敗しました: %1</translation>
    </message>
    <message>
        <source>About Journey Map Editor</source>
        <translation>Journey Map Editor について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Journey Map Editor&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Customer journey maps for customer-success workshops: stages, touchpoints, moments of truth and pain points on a swimlane grid, shared as a PDF poster and an Excel workbook.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Journey Map Editor&lt;/h3&gt;&lt;p&gt;バージョン %1&lt;/p&gt;&lt;p&gt;カスタマーサクセス ワークショップのためのカスタマージャーニーマップ エディター。ステージ、タッチポイント、真実の瞬間、問題点をスイムレーンのグリッドに配置し、PDF ポスターや Excel ブックとして共有できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open the map</source>
        <translation>マップを開けません</translation>
    </message>
</context>
<context>
    <name>MapForm</name>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Map language</source>
        <translation>マップの言語</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation>パレット</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>Drag onto the map, or double-click to add</source>
        <translation>マップにドラッグするか、ダブルクリックして追加します</translation>
    </message>
</context>
<context>
    <name>ParkingLotDock</name>
    <message>
        <source>Parking Lot</source>
        <translation>パーキングロット</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>By</source>
        <translation>記入者</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Park an off-topic point… (Enter adds it)</source>
        <translation>本題から外れた話題を入力…(Enter で追加)</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Turn into Card…</source>
        <translation>カードにする…</translation>
    </message>
    <message>
        <source>Make a card of this point (or drag it onto the map)</source>
        <translation>この項目をカードにします(マップへドラッグしても作れます)</translation>
    </message>
</context>
<context>
    <name>ParticipantsDock</name>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>No live session.</source>
        <translation>ライブセッションはありません。</translation>
    </message>
    <message>
        <source>%1 connected, %2 in all</source>
        <translation>接続中 %1 人 / 全 %2 人</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>（あなた）</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未接続</translation>
    </message>
</context>
<context>
    <name>PresentationController</name>
    <message>
        <source>Nothing to present: the map has no stages.</source>
        <translation>表示するものがありません: マップにステージがありません。</translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation>ステージ %1 / %2</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <source>Timer Presets</source>
        <translation>タイマーのプリセット</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>New timebox</source>
        <translation>新しいタイムボックス</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>既定に戻す(&amp;D)</translation>
    </message>
</context>
<context>
    <name>RecordOptionsDialog</name>
    <message>
        <source>Export Workshop Record</source>
        <translation>ワークショップ記録のエクスポート</translation>
    </message>
    <message>
        <source>The record lists the participants, the vote ranking, the comments and the parking lot, with the session&apos;s date and duration.</source>
        <translation>記録には、参加者、投票ランキング、コメント、パーキングロットと、セッションの日付・所要時間が載ります。</translation>
    </message>
    <message>
        <source>Times as recorded: %1</source>
        <translation>記録どおりの時刻: %1</translation>
    </message>
    <message>
        <source>Set the session&apos;s times:</source>
        <translation>セッションの時刻を指定:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The session cannot end before it starts.</source>
        <translation>終了を開始より前にはできません。</translation>
    </message>
</context>
<context>
    <name>ScenarioBar</name>
    <message>
        <source>New scenario</source>
        <translation>新しいシナリオ</translation>
    </message>
</context>
<context>
    <name>ScenarioExportDialog</name>
    <message>
        <source>Excel Workbook Options</source>
        <translation>Excel ブックのオプション</translation>
    </message>
</context>
<context>
    <name>ScenarioExportRows</name>
    <message>
        <source>Scenario:</source>
        <translation>シナリオ:</translation>
    </message>
    <message>
        <source>Add a comparison with:</source>
        <translation>比較を追加:</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>比較なし</translation>
    </message>
    <message>
        <source>Compares %1 → %2 (a comparison page in the PDF, a &quot;Compare&quot; sheet in Excel)</source>
        <translation>%1 → %2 を比較します (PDF には比較ページ、Excel には「Compare」シート)</translation>
    </message>
</context>
<context>
    <name>ScenarioUi</name>
    <message>
        <source>&amp;Next Scenario</source>
        <translation>次のシナリオ(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Scenario</source>
        <translation>前のシナリオ(&amp;R)</translation>
    </message>
    <message>
        <source>New Scenario: &amp;Copy of Current</source>
        <translation>新しいシナリオ: 現在のシナリオのコピー(&amp;C)</translation>
    </message>
    <message>
        <source>New Scenario: &amp;Empty, Same Stages and Lanes</source>
        <translation>新しいシナリオ: 空 (同じステージとレーン)(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;name Scenario…</source>
        <translation>シナリオ名を変更…(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Scenario</source>
        <translation>シナリオを削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Compare Scenarios…</source>
        <translation>シナリオを比較…(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>シナリオ(&amp;S)</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>New Empty Scenario from This</source>
        <translation>これをもとに空のシナリオを作成</translation>
    </message>
    <message>
        <source>Move Left</source>
        <translation>左へ移動</translation>
    </message>
    <message>
        <source>Move Right</source>
        <translation>右へ移動</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share live</source>
        <translation>ライブ共有</translation>
    </message>
    <message>
        <source>All network interfaces</source>
        <translation>すべてのネットワークインターフェース</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>このコンピューターのみ (127.0.0.1)</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>空いている任意のポート</translation>
    </message>
    <message>
        <source>How the others see you</source>
        <translation>ほかの参加者に表示される名前</translation>
    </message>
    <message>
        <source>Announce on the local network (others see it in their Join dialog; the link stays secret)</source>
        <translation>ローカルネットワークに告知する（参加ダイアログに表示されます。リンクは秘密のままです）</translation>
    </message>
    <message>
        <source>Keep the previous link (participants reconnect by themselves)</source>
        <translation>前回のリンクを使い続ける（参加者は自動で再接続します）</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>共有を開始(&amp;S)</translation>
    </message>
    <message>
        <source>Network interface:</source>
        <translation>ネットワークインターフェース:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>あなたの名前:</translation>
    </message>
    <message>
        <source>TLS certificate (PEM, optional):</source>
        <translation>TLS 証明書（PEM、任意）:</translation>
    </message>
    <message>
        <source>TLS key (PEM, optional):</source>
        <translation>TLS 秘密鍵（PEM、任意）:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>PEM ファイルを選択</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM ファイル (*.pem *.crt *.key);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Join link:</source>
        <translation>参加リンク:</translation>
    </message>
    <message>
        <source>WebSocket URL:</source>
        <translation>WebSocket URL:</translation>
    </message>
    <message>
        <source>S&amp;top sharing</source>
        <translation>共有を停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer on port %1 and has the link can see and change this map. Share the link as you would a password.</source>
        <translation>このコンピューターのポート %1 に接続でき、リンクを持っている人は誰でも、このマップを閲覧・変更できます。リンクはパスワードと同じように扱ってください。</translation>
    </message>
    <message>
        <source>The connection is encrypted (TLS, wss://).</source>
        <translation>接続は暗号化されています（TLS、wss://）。</translation>
    </message>
    <message>
        <source>The connection is not encrypted: use it on a network you trust, or give a TLS certificate and key.</source>
        <translation>接続は暗号化されていません。信頼できるネットワークで使うか、TLS 証明書と秘密鍵を指定してください。</translation>
    </message>
    <message>
        <source>Stop sharing keeps the map open here as an ordinary file.</source>
        <translation>共有を停止しても、マップは通常のファイルとしてここで開いたままです。</translation>
    </message>
</context>
<context>
    <name>StageForm</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Emotions (−2 … +2)</source>
        <translation>顧客の感情 (−2 … +2)</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>マイルストーン</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>指標の目標値</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>マイルストーンを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Exit criteria (milestones to the next stage)</source>
        <translation>フェーズのゴール（次のステージに進むためのマイルストーン）</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全顧客</translation>
    </message>
    <message>
        <source>How the customer feels here; &quot;—&quot; means not rated</source>
        <translation>このステージでの顧客の感情。「—」は未評価を表します</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>新しいマイルストーン</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Journey Map Editor</source>
        <translation>Journey Map Editor</translation>
    </message>
    <message>
        <source>Open a recent map, or start a new one from a template.</source>
        <translation>最近使ったマップを開くか、テンプレートから新しいマップを作成します。</translation>
    </message>
    <message>
        <source>Recent maps</source>
        <translation>最近使ったマップ</translation>
    </message>
    <message>
        <source>New from a template</source>
        <translation>テンプレートから新規作成</translation>
    </message>
    <message>
        <source>No recent maps</source>
        <translation>最近使ったマップはありません</translation>
    </message>
</context>
<context>
    <name>StartVoteDialog</name>
    <message>
        <source>Start Vote</source>
        <translation>投票を開始</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>プリセットとして保存…</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>上限なし</translation>
    </message>
    <message>
        <source>Anonymous: the results show totals, not names</source>
        <translation>匿名：結果には合計だけを表示し、名前は表示しない</translation>
    </message>
    <message>
        <source>Take away the dots of earlier votes</source>
        <translation>以前の投票のドットを取り除く</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>プリセット：</translation>
    </message>
    <message>
        <source>Dots per participant:</source>
        <translation>1人あたりのドット数：</translation>
    </message>
    <message>
        <source>Cards to vote on:</source>
        <translation>投票対象のカード：</translation>
    </message>
    <message>
        <source>At most, per card and person:</source>
        <translation>1人が1枚に置ける上限：</translation>
    </message>
    <message>
        <source>(as last time)</source>
        <translation>（前回と同じ）</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>Tick at least one kind of card to vote on.</source>
        <translation>投票対象のカードの種類を1つ以上選んでください。</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>プリセットとして保存</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>プリセット名：</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New from template</source>
        <translation>テンプレートから新規作成</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>プレビューなし</translation>
    </message>
</context>
<context>
    <name>TimerOverlay</name>
    <message>
        <source>Click to pause or resume; drag to move; right-click for more</source>
        <translation>クリックで一時停止・再開、ドラッグで移動、右クリックでその他の操作</translation>
    </message>
    <message>
        <source>Time&apos;s up!</source>
        <translation>時間です!</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
</context>
<context>
    <name>TransitionForm</name>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>Share of customers who make this move; &quot;—&quot; means not known</source>
        <translation>この移動をする顧客の割合。「—」は不明</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>コンバージョン率</translation>
    </message>
</context>
<context>
    <name>TurnIntoCardDialog</name>
    <message>
        <source>Turn into Card</source>
        <translation>カードにする</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>VoteActions</name>
    <message>
        <source>Start &amp;Vote…</source>
        <translation>投票を開始(&amp;V)…</translation>
    </message>
    <message>
        <source>E&amp;nd Vote</source>
        <translation>投票を終了(&amp;N)</translation>
    </message>
    <message>
        <source>Reveal V&amp;otes</source>
        <translation>投票結果を公開(&amp;O)</translation>
    </message>
    <message>
        <source>Start P&amp;rivate Round</source>
        <translation>個人ラウンドを開始(&amp;R)</translation>
    </message>
    <message>
        <source>End Private Ro&amp;und</source>
        <translation>個人ラウンドを終了(&amp;U)</translation>
    </message>
    <message>
        <source>Reveal Private &amp;Cards</source>
        <translation>非公開カードを公開(&amp;C)</translation>
    </message>
</context>
<context>
    <name>VotesDock</name>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Dots for:</source>
        <translation>ドットを置く人：</translation>
    </message>
    <message>
        <source>Highlight top:</source>
        <translation>上位を強調：</translation>
    </message>
    <message>
        <source>Add Participant</source>
        <translation>参加者を追加</translation>
    </message>
    <message>
        <source>Name of the participant:</source>
        <translation>参加者の名前：</translation>
    </message>
    <message>
        <source>No vote yet. Workshop → Start Vote… begins one.</source>
        <translation>まだ投票はありません。ワークショップ → 投票を開始… で始めます。</translation>
    </message>
    <message>
        <source>every card</source>
        <translation>すべてのカード</translation>
    </message>
    <message>
        <source>at most %1 per card</source>
        <translation>1枚に最大 %1</translation>
    </message>
    <message>
        <source>no limit per card</source>
        <translation>1枚あたりの上限なし</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>named</source>
        <translation>記名</translation>
    </message>
    <message>
        <source>Vote running: %1 dots each</source>
        <translation>投票中：1人 %1 ドット</translation>
    </message>
    <message>
        <source>Vote ended</source>
        <translation>投票終了</translation>
    </message>
    <message>
        <source>revealed</source>
        <translation>公開済み</translation>
    </message>
    <message>
        <source>not revealed yet</source>
        <translation>未公開</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>自分（%1）</translation>
    </message>
    <message>
        <source>Cards ranked by dots.</source>
        <translation>ドット数の多い順のカード。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>ドット</translation>
    </message>
    <message>
        <source>By</source>
        <translation>内訳</translation>
    </message>
    <message>
        <source>counted %1</source>
        <translation>手動集計 %1</translation>
    </message>
    <message>
        <source>Cards ranked by dots: the first %1 of %2 (every card&apos;s dots are in the Excel export).</source>
        <translation>ドット数の多い順: %2枚のうち上位%1枚 (すべてのカードのドットはExcel出力にあります)。</translation>
    </message>
    <message>
        <source>%1&apos;s dots. The others&apos; stay hidden until the votes are revealed.</source>
        <translation>%1 さんのドット。ほかの人のドットは投票結果の公開まで表示されません。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>ユーザーガイド(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About Journey Map Editor</source>
        <translation>Journey Map Editor について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation>テンプレートから新規作成(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;PDF Poster…</source>
        <translation>PDF ポスター(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Excel Workbook…</source>
        <translation>Excel ブック(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Image (PNG/SVG)…</source>
        <translation>PNG/SVG 画像(&amp;I)…</translation>
    </message>
    <message>
        <source>Share &amp;Live…</source>
        <translation>ライブ共有(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Join Live Session…</source>
        <translation>ライブセッションに参加(&amp;J)…</translation>
    </message>
    <message>
        <source>S&amp;top Live Session</source>
        <translation>ライブセッションを終了(&amp;T)</translation>
    </message>
    <message>
        <source>Power&amp;Point Slides…</source>
        <translation>PowerPoint スライド(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Workshop Record…</source>
        <translation>ワークショップ記録(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>テキストを編集(&amp;E)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Freeze Headers</source>
        <translation>ヘッダーを固定(&amp;F)</translation>
    </message>
    <message>
        <source>Idea → Pain Point &amp;Links</source>
        <translation>アイディア → 問題点のリンク(&amp;L)</translation>
    </message>
    <message>
        <source>Journey &amp;Paths</source>
        <translation>ジャーニーパス(&amp;P)</translation>
    </message>
    <message>
        <source>Le&amp;gend</source>
        <translation>凡例(&amp;G)</translation>
    </message>
</context>
<context>
    <name>WorkshopActions</name>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Bring &amp;Everyone to Me</source>
        <translation>全員を自分の画面に集める(&amp;E)</translation>
    </message>
    <message>
        <source>Presentation S&amp;creen</source>
        <translation>表示する画面(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start Timer</source>
        <translation>タイマーを開始(&amp;S)</translation>
    </message>
    <message>
        <source>Pa&amp;use Timer</source>
        <translation>タイマーを一時停止(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Add a Minute</source>
        <translation>1分追加(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;top Timer</source>
        <translation>タイマーを停止(&amp;T)</translation>
    </message>
    <message>
        <source>Edit Timer P&amp;resets…</source>
        <translation>タイマーのプリセットを編集(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Beep When Time Is Up</source>
        <translation>時間切れでビープ音を鳴らす(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation>カスタム(&amp;C)…</translation>
    </message>
    <message>
        <source>Res&amp;ume Timer</source>
        <translation>タイマーを再開(&amp;U)</translation>
    </message>
    <message>
        <source>%1 runs the timer of this live session</source>
        <translation>このライブセッションのタイマーは %1 が操作しています</translation>
    </message>
</context>
<context>
    <name>WorkshopLiveLink</name>
    <message>
        <source>the facilitator</source>
        <translation>ファシリテーター</translation>
    </message>
    <message>
        <source>Following %1&apos;s presentation</source>
        <translation>%1 のプレゼンテーションを表示中</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>離れる</translation>
    </message>
    <message>
        <source>%1 is presenting</source>
        <translation>%1 がプレゼンテーション中</translation>
    </message>
    <message>
        <source>Follow Again</source>
        <translation>もう一度フォロー</translation>
    </message>
</context>
</TS>
