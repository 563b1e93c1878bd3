fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let date = demarche_model::parse_date("2025-03-14").ok();
    let sentences = demarche_text::split_sentences(&text);
    let k = demarche_extract::extract(&text, date, Some(&sentences));
    let v = serde_json::to_value(&k).unwrap();
    for key in ["persons", "quotations", "amounts", "dates"] {
        for x in v[key].as_array().unwrap() {
            let mut x = x.clone();
            if let Some(o) = x.as_object_mut() {
                o.remove("mentions");
            }
            println!("{key}: {}", x);
        }
    }
}
