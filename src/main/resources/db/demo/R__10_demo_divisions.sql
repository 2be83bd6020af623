-- Demo city: Shijiazhuang (1301), Hebei, with its real counties and districts, and generated townships
-- and villages. demo_generate_divisions(n) scales the villages to n (the seed city has 3,663).
INSERT INTO division (code, name, name_en) VALUES
    ('13', '河北省', 'Hebei'),
    ('1301', '石家庄市', 'Shijiazhuang'),
    ('130102', '长安区', 'Chang''an District'),
    ('130104', '桥西区', 'Qiaoxi District'),
    ('130105', '新华区', 'Xinhua District'),
    ('130107', '井陉矿区', 'Jingxing Mining District'),
    ('130108', '裕华区', 'Yuhua District'),
    ('130109', '藁城区', 'Gaocheng District'),
    ('130110', '鹿泉区', 'Luquan District'),
    ('130111', '栾城区', 'Luancheng District'),
    ('130121', '井陉县', 'Jingxing County'),
    ('130123', '正定县', 'Zhengding County'),
    ('130125', '行唐县', 'Xingtang County'),
    ('130126', '灵寿县', 'Lingshou County'),
    ('130127', '高邑县', 'Gaoyi County'),
    ('130128', '深泽县', 'Shenze County'),
    ('130129', '赞皇县', 'Zanhuang County'),
    ('130130', '无极县', 'Wuji County'),
    ('130131', '平山县', 'Pingshan County'),
    ('130132', '元氏县', 'Yuanshi County'),
    ('130133', '赵县', 'Zhao County'),
    ('130181', '辛集市', 'Xinji'),
    ('130183', '晋州市', 'Jinzhou'),
    ('130184', '新乐市', 'Xinle')
ON CONFLICT (code) DO NOTHING;

CREATE OR REPLACE FUNCTION demo_generate_divisions(total_villages int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    stems text[] := ARRAY['东风', '建设', '和平', '新华', '胜利', '红旗', '友谊', '光明', '振兴', '幸福',
                          '永安', '太平', '长青', '育才', '联盟', '石岗', '南焦', '北杜', '西里', '东里',
                          '兴华', '槐底', '留营', '塔坛', '西三庄', '大郭', '小安舍', '方北', '高柱', '义堂'];
    stems_en text[] := ARRAY['Dongfeng', 'Jianshe', 'Heping', 'Xinhua', 'Shengli', 'Hongqi', 'Youyi',
                             'Guangming', 'Zhenxing', 'Xingfu', 'Yong''an', 'Taiping', 'Changqing', 'Yucai',
                             'Lianmeng', 'Shigang', 'Nanjiao', 'Beidu', 'Xili', 'Dongli', 'Xinghua', 'Huaidi',
                             'Liuying', 'Tatan', 'Xisanzhuang', 'Daguo', 'Xiao''anshe', 'Fangbei', 'Gaozhu',
                             'Yitang'];
    counties text[] := ARRAY(SELECT code FROM division WHERE parent_code = '1301' ORDER BY code);
    n int := array_length(counties, 1);
    qiaoxi int := greatest(60, total_villages / n);
    others int := greatest(0, total_villages - qiaoxi);
    county text;
    i int := 0;
    per int;
    urban boolean;
    township int;
    village int;
    t_code text;
    stem int;
BEGIN
    FOREACH county IN ARRAY counties LOOP
        per := CASE WHEN county = '130104' THEN qiaoxi
                    ELSE others / (n - 1) + CASE WHEN i < others % (n - 1) THEN 1 ELSE 0 END END;
        IF county <> '130104' THEN i := i + 1; END IF;
        urban := substr(county, 5, 1) = '0' OR county IN ('130110', '130111');
        FOR township IN 0 .. (per - 1) / 10 LOOP
            t_code := county || lpad(((CASE WHEN urban THEN 1 ELSE 100 END) + township)::text, 3, '0');
            stem := (township + length(county) + ascii(right(county, 1))) % 30 + 1;
            INSERT INTO division (code, name, name_en)
            VALUES (t_code,
                    stems[stem] || CASE WHEN township >= 30 THEN (township / 30 + 1)::text ELSE '' END
                        || CASE WHEN urban THEN '街道' ELSE '镇' END,
                    stems_en[stem] || CASE WHEN urban THEN ' Subdistrict' ELSE ' Town' END)
            ON CONFLICT (code) DO NOTHING;
            FOR village IN 0 .. least(9, per - 1 - township * 10) LOOP
                stem := (township * 7 + village * 3) % 30 + 1;
                INSERT INTO division (code, name, name_en)
                VALUES (t_code || lpad(((CASE WHEN urban THEN 1 ELSE 200 END) + village)::text, 3, '0'),
                        stems[stem] || CASE WHEN urban THEN '社区' ELSE '村' END,
                        stems_en[stem] || CASE WHEN urban THEN ' Community' ELSE ' Village' END)
                ON CONFLICT (code) DO NOTHING;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN (SELECT count(*) FROM division WHERE code LIKE '1301%' AND length(code) = 12);
END $$;

SELECT demo_generate_divisions(186);
