package dev.mailhelp.knowledge;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a Traditional Chinese text reads as written in Taiwan: no Simplified-only
 * characters and none of the mainland terms Taiwanese readers notice at once (the glossary
 * {@code knowledge/glossary.md} lists the Taiwan terms to use instead).
 */
public final class TaiwanUsage {

    /** Mainland term -> the Taiwan term to write instead. */
    public static final Map<String, String> MAINLAND_TERMS = mainlandTerms();

    // Characters the Simplified-to-Traditional transform changes although Taiwan writes them as they
    // are (台灣, 只有, 才, 裡/里 as a unit, 面, 周, 於...): without these the check would cry wolf.
    private static final Set<Integer> TRADITIONAL_AS_IS = "台只才里面周于余干后向准系冲复松采制致划历尽涂范".codePoints()
            .boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());

    // Taiwan phrases that contain a mainland term: 網域名稱 (domain name), 區域名稱 (zone name), 網域名義,
    // 用戶端 (client), 租用戶 (Microsoft 365 tenant).
    private static final List<String> TAIWAN_PHRASES = List.of("網域名", "區域名", "用戶端", "租用戶");

    private static final Transliterator SIMPLIFIED_TO_TRADITIONAL = Transliterator.getInstance("Hans-Hant");
    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Hant-Hans");

    private TaiwanUsage() {
    }

    private static Map<String, String> mainlandTerms() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("服務器", "伺服器");
        m.put("域名", "網域");
        m.put("設置", "設定");
        m.put("賬號", "帳號");
        m.put("賬戶", "帳號");
        m.put("郵箱", "電子郵件信箱");
        m.put("信息", "訊息");
        m.put("默認", "預設");
        m.put("用戶", "使用者");
        m.put("軟件", "軟體");
        m.put("硬件", "硬體");
        m.put("網絡", "網路");
        m.put("數據", "資料");
        m.put("屏幕", "螢幕");
        m.put("鏈接", "連結");
        m.put("密鑰", "金鑰");
        m.put("端口", "連接埠");
        m.put("字符", "字元");
        m.put("緩存", "快取");
        m.put("發件人", "寄件者");
        m.put("收件人", "收件者");
        m.put("視頻", "影片");
        m.put("文本", "文字");
        m.put("反饋", "回饋");
        m.put("運營商", "業者");
        m.put("質量", "品質");
        m.put("激活", "啟用");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The characters of {@code text} that exist only in Simplified Chinese, in order of first use. */
    public static Set<String> simplifiedCharacters(String text) {
        Set<String> found = new TreeSet<>();
        text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .filter(cp -> !TRADITIONAL_AS_IS.contains(cp))
                .forEach(cp -> {
                    String c = new String(Character.toChars(cp));
                    // Simplified-only: the transform to Traditional changes it, and it is its own Simplified form.
                    if (!SIMPLIFIED_TO_TRADITIONAL.transliterate(c).equals(c)
                            && TRADITIONAL_TO_SIMPLIFIED.transliterate(c).equals(c)) {
                        found.add(c);
                    }
                });
        return found;
    }

    /** What is wrong with {@code text} for a reader in Taiwan, in English; empty when nothing is. */
    public static List<String> problems(String text) {
        return wordings(text).stream().map(Wording::toString).toList();
    }

    /** What is wrong with {@code text} for a reader in Taiwan, as catalogue wordings; empty when nothing is. */
    public static List<Wording> wordings(String text) {
        List<Wording> out = new ArrayList<>();
        Set<String> simplified = simplifiedCharacters(text);
        if (!simplified.isEmpty()) {
            out.add(Problems.problem("simplified", "characters", String.join(" ", simplified)));
        }
        // Mainland terms are also checked in their Simplified spelling (服务器 as well as 服務器).
        String traditional = SIMPLIFIED_TO_TRADITIONAL.transliterate(text);
        for (String phrase : TAIWAN_PHRASES) {
            traditional = traditional.replace(phrase, "　");
        }
        String checked = traditional;
        MAINLAND_TERMS.forEach((term, taiwan) -> {
            if (checked.contains(term)) {
                out.add(Problems.problem("mainland-term", "term", term, "taiwan", taiwan));
            }
        });
        return out;
    }
}
