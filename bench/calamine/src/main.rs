// Reads every worksheet of an .xlsx into calamine's Range (values of every cell), as a reader must, and prints
// a checksum so the work cannot be skipped.
use calamine::{open_workbook, DataType, Reader, Xlsx};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let mut wb: Xlsx<_> = open_workbook(&path).expect("open");
    let mut cells = 0usize;
    let mut sum = 0f64;
    let mut text = 0usize;
    for name in wb.sheet_names().to_owned() {
        if let Some(Ok(range)) = wb.worksheet_range(&name) {
            for row in range.rows() {
                for c in row {
                    match c {
                        DataType::Float(f) => { sum += f; cells += 1 }
                        DataType::Int(i) => { sum += *i as f64; cells += 1 }
                        DataType::String(s) => { text += s.len(); cells += 1 }
                        DataType::Empty => {}
                        _ => cells += 1,
                    }
                }
            }
        }
    }
    println!("{} cells, sum {}, text {}", cells, sum, text);
}
